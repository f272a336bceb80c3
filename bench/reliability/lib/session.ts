// A workspace for an editing session and its verdict afterwards (bench/reliability, Node only): prepares a
// workspace with a named analyst and a few articles, and after the session ends (killed or refused company)
// reopens it the way a restarted app does and judges every document against what was acknowledged.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport, WorkspaceView } from '@shared/api';
import { generateArticle } from '../../lib/corpus';
import { openWorkbench } from '../../../src/main/service/open-workbench';
import { openWorkspace } from '../../../src/main/store/workspace-store';
import type { Tally } from './figures';
import type { ImportState, LaneDocument } from './edit-driver';
import { judge, modelOfDisk } from './edit-model';
import { inspectWorkspace } from './workspace-oracle';

export interface SessionWorkspace {
  docs: LaneDocument[];
  imports: ImportState;
}

/** Names the analyst and imports `count` generated articles of about `bytes` each, through the real service. */
export async function prepareSession(
  dir: string,
  count: number,
  bytes: number,
  seed: number,
): Promise<SessionWorkspace> {
  const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false });
  try {
    const named = await workbench.dispatch('annotator:set-local', { name: 'Session Analyst' });
    if (!named.ok) throw new Error(named.error.message);
    const layer = (named.value as WorkspaceView).localAnnotator?.id ?? '';
    const texts = Array.from({ length: count }, (_, i) => generateArticle(bytes, seed + i).text);
    const files = texts.map((text, i) => ({
      name: `article-${i}.txt`,
      dataBase64: Buffer.from(text).toString('base64'),
    }));
    const imported = await workbench.dispatch('documents:import', { files });
    if (!imported.ok) throw new Error(imported.error.message);
    const summaries = (imported.value as ImportReport).imported;
    const docs = summaries.map((summary, i): LaneDocument => ({
      docId: summary.id,
      layer,
      text: texts[i] ?? '',
      model: new Map(),
      ackedRevision: summary.revision,
      inFlight: null,
    }));
    return { docs, imports: { acked: new Map(), inFlight: null, next: 1 } };
  } finally {
    await workbench.close();
  }
}

/**
 * Reopens the workspace as a restarted app would (writable: temp files removed, index rebuilt), then judges
 * it: `crashed` if it cannot open or reports damage, `invalidFiles` if a file fails the oracle, `lost` for an
 * acknowledged span, revision or import that is gone, `partial` for half a batch. Afterwards the session's
 * models are what is on disk, so editing can go on from there.
 */
export async function verifySession(
  dir: string,
  session: SessionWorkspace,
  tally: Tally,
  label: string,
): Promise<void> {
  try {
    const store = await openWorkspace(dir, { owner: 'test' });
    for (const problem of store.problems)
      tally.fail('crashed', `${label}: ${problem.file}: ${problem.reason}`);
    await store.close();
  } catch (error) {
    tally.fail(
      'crashed',
      `${label}: the workspace does not open: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  const inspection = await inspectWorkspace(dir, true);
  for (const problem of inspection.problems) tally.fail('invalidFiles', `${label}: ${problem}`);
  for (const doc of session.docs) {
    const disk = inspection.documents.get(doc.docId);
    if (disk === undefined) {
      tally.fail('lost', `${label}: document ${doc.docId} is gone`);
      continue;
    }
    const verdict = judge(modelOfDisk(disk, doc.layer), doc.model, doc.inFlight);
    if (verdict.kind === 'lost')
      tally.fail('lost', `${label}: ${doc.docId} lost acknowledged spans ${verdict.spanIds.join(', ')}`);
    if (verdict.kind === 'partial') tally.fail('partial', `${label}: ${doc.docId} holds part of a batch`);
    if (disk.revision < doc.ackedRevision)
      tally.fail(
        'lost',
        `${label}: ${doc.docId} is at revision ${disk.revision}, ${doc.ackedRevision} was acknowledged`,
      );
    doc.model = modelOfDisk(disk, doc.layer);
    doc.ackedRevision = disk.revision;
    doc.inFlight = null;
  }
  const onDisk = new Set([...inspection.documents.values()].map((d) => d.sha256));
  for (const [sha, id] of session.imports.acked) {
    if (!onDisk.has(sha)) tally.fail('lost', `${label}: imported document ${id} is gone`);
  }
  const inFlight = session.imports.inFlight ?? [];
  const present = inFlight.filter((sha) => onDisk.has(sha)).length;
  if (present > 0 && present < inFlight.length) {
    tally.fail(
      'partial',
      `${label}: ${present} of the ${inFlight.length} documents of an import in flight were stored`,
    );
  }
  session.imports.inFlight = null;
}

/** The bytes of every document file, by id (to prove files were not touched). */
export async function documentBytes(dir: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  return new Map(
    await Promise.all(
      ids.map(async (id) => [id, await readFile(join(dir, 'documents', `${id}.json`))] as const),
    ),
  );
}
