// A workspace for an editing session and its verdict afterwards (bench/reliability, Node only): prepares a
// workspace with a named analyst and a few articles, and after the session ends (killed or refused company)
// reopens it the way a restarted app does and judges every document against what was acknowledged.
import type { ImportReport, WorkspaceView } from '@shared/api';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workspaceFileSchema, type DocumentRecord } from '@shared/model';
import { generateArticle } from '../../lib/corpus';
import { openWorkspace } from '../../../src/main/store/workspace-store';
import { must, openApp } from './app';
import { messageOf } from './campaign';
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
  const workbench = await openApp(dir);
  try {
    const named = await must<WorkspaceView>(workbench, 'annotator:set-local', { name: 'Session Analyst' });
    const layer = named.localAnnotator?.id ?? '';
    const texts = Array.from({ length: count }, (_, i) => generateArticle(bytes, seed + i).text);
    const files = texts.map((text, i) => ({
      name: `article-${i}.txt`,
      dataBase64: Buffer.from(text).toString('base64'),
    }));
    const summaries = (await must<ImportReport>(workbench, 'documents:import', { files })).imported;
    const docs = summaries.map((summary, i): LaneDocument => ({
      docId: summary.id,
      layer,
      text: texts[i] ?? '',
      model: new Map(),
      ackedRevision: summary.revision,
      inFlight: null,
    }));
    const imports = {
      acked: new Map(),
      inFlight: null,
      ackedAnalysts: new Set<string>(),
      inFlightAnalyst: null,
    };
    return { docs, imports: { ...imports, next: 1 } };
  } finally {
    await workbench.close();
  }
}

/** Opens and closes the workspace writable, as a restarted app would; false (and `crashed`) if it cannot. */
async function reopenAsApp(dir: string, tally: Tally, label: string): Promise<boolean> {
  try {
    const store = await openWorkspace(dir, { owner: 'test' });
    for (const problem of store.problems)
      tally.fail('crashed', `${label}: ${problem.file}: ${problem.reason}`);
    await store.close();
    return true;
  } catch (error) {
    tally.fail('crashed', `${label}: the workspace does not open: ${messageOf(error)}`);
    return false;
  }
}

function judgeDocument(
  tally: Tally,
  label: string,
  doc: LaneDocument,
  disk: DocumentRecord | undefined,
): void {
  if (disk === undefined) return tally.fail('lost', `${label}: document ${doc.docId} is gone`);
  const verdict = judge(modelOfDisk(disk, doc.layer), doc.model, doc.inFlight);
  if (verdict.kind === 'lost')
    tally.fail('lost', `${label}: ${doc.docId} lost spans ${verdict.spanIds.join(', ')}`);
  if (verdict.kind === 'partial') tally.fail('partial', `${label}: ${doc.docId} holds part of a batch`);
  const revision = `${doc.docId} is at revision ${disk.revision}, ${doc.ackedRevision} was acknowledged`;
  tally.expect(disk.revision >= doc.ackedRevision, 'lost', () => `${label}: ${revision}`);
  // Editing goes on from what is on disk.
  doc.model = modelOfDisk(disk, doc.layer);
  doc.ackedRevision = disk.revision;
  doc.inFlight = null;
}

/**
 * Every acknowledged import is there; of the import in flight all or nothing: its documents, and for an
 * annotated one its analyst and that analyst's layer on the session's first document.
 */
function judgeImports(tally: Tally, label: string, imports: ImportState, disk: DiskView): void {
  for (const [sha, id] of imports.acked) {
    if (!disk.shas.has(sha)) tally.fail('lost', `${label}: imported document ${id} is gone`);
  }
  for (const name of imports.ackedAnalysts) {
    const id = disk.analysts.get(name);
    if (id === undefined) tally.fail('lost', `${label}: the imported analyst ${name} is gone`);
    else if (!disk.firstLayers.has(id))
      tally.fail('lost', `${label}: the imported layer of ${name} on the first document is gone`);
  }
  const inFlight = imports.inFlight ?? [];
  const parts = inFlight.map((sha) => disk.shas.has(sha));
  const analyst = imports.inFlightAnalyst;
  if (analyst !== null) {
    const id = disk.analysts.get(analyst);
    parts.push(id !== undefined, id !== undefined && disk.firstLayers.has(id));
  }
  const present = parts.filter(Boolean).length;
  const half = `${present} of the ${parts.length} parts of an import in flight were stored`;
  tally.expect(present === 0 || present === parts.length, 'partial', () => `${label}: ${half}`);
  imports.inFlight = null;
  imports.inFlightAnalyst = null;
}

interface DiskView {
  shas: ReadonlySet<string>;
  /** Analyst name → id, from workspace.json. */
  analysts: ReadonlyMap<string, string>;
  /** The layers of the session's first document. */
  firstLayers: ReadonlySet<string>;
}

async function diskView(
  dir: string,
  documents: Map<string, DocumentRecord>,
  first?: string,
): Promise<DiskView> {
  const ws = workspaceFileSchema.parse(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')));
  const firstDoc = first === undefined ? undefined : documents.get(first);
  return {
    shas: new Set([...documents.values()].map((d) => d.sha256)),
    analysts: new Map(ws.annotators.map((a) => [a.name, a.id as string])),
    firstLayers: new Set(Object.keys(firstDoc?.layers ?? {})),
  };
}

/**
 * Reopens the workspace as a restarted app would (writable: temp files removed, index rebuilt), then judges
 * it: `crashed` if it cannot open or reports damage, `invalidFiles` if a file fails the oracle, `lost` for an
 * acknowledged span, revision or import that is gone, `partial` for half a batch.
 */
export async function verifySession(
  dir: string,
  session: SessionWorkspace,
  tally: Tally,
  label: string,
): Promise<void> {
  if (!(await reopenAsApp(dir, tally, label))) return;
  const inspection = await inspectWorkspace(dir, true);
  for (const problem of inspection.problems) tally.fail('invalidFiles', `${label}: ${problem}`);
  for (const doc of session.docs) judgeDocument(tally, label, doc, inspection.documents.get(doc.docId));
  const disk = await diskView(dir, inspection.documents, session.docs[0]?.docId);
  judgeImports(tally, label, session.imports, disk);
}
