// The operations whose file-system calls the disk-fault campaign fails one by one (bench/reliability, Node
// only): saving annotations, a status, the analyst's name, importing a corpus and two files, and a save whose
// deferred index write happens at close. Each has a first request (run under the fault) and a different retry
// (run once the disk works again), and a fingerprint of the workspace state to compare outcomes with.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workspaceFileSchema } from '@shared/model';
import { generateShortArticles, toJsonl } from '../../lib/corpus';
import { inspectWorkspace } from '../lib/workspace-oracle';

export interface FaultWorld {
  docA: string;
  docB: string;
  layer: string;
  /** Two-word ranges of document A that carry no span yet. */
  freeRanges: { start: number; end: number }[];
}

export interface ApiRequest {
  method: string;
  payload: unknown;
}

export interface FaultScenario {
  name: string;
  /** The store is closed (flushing the index) while the fault is still armed. */
  closeInWindow?: boolean;
  first(world: FaultWorld): ApiRequest;
  retry(world: FaultWorld): ApiRequest;
}

const base64 = (text: string): string => Buffer.from(text).toString('base64');

function addSpans(world: FaultWorld, ids: string[], from: number): ApiRequest {
  const ops = ids.map((id, i) => {
    const range = world.freeRanges[from + i] ?? { start: 0, end: 1 };
    return { kind: 'add-span', span: { id, label: 'claim', start: range.start, end: range.end } };
  });
  return { method: 'annotations:apply', payload: { docId: world.docA, layer: world.layer, ops } };
}

function corpus(count: number, first: number): ApiRequest {
  const jsonl = toJsonl(generateShortArticles(count, 23, first));
  return {
    method: 'documents:import',
    payload: { files: [{ name: `corpus-${first}.jsonl`, dataBase64: base64(jsonl) }] },
  };
}

export function scenarios(quick: boolean): FaultScenario[] {
  return [
    {
      name: 'save annotations',
      first: (w) => addSpans(w, ['f1', 'f2'], 0),
      retry: (w) => addSpans(w, ['r1'], 2),
    },
    {
      name: 'save status',
      first: (w) => ({
        method: 'document:set-status',
        payload: { docId: w.docA, annotator: w.layer, status: 'done' },
      }),
      retry: (w) => ({
        method: 'document:set-status',
        payload: { docId: w.docB, annotator: w.layer, status: 'skipped' },
      }),
    },
    {
      name: 'rename analyst',
      first: () => ({ method: 'annotator:set-local', payload: { name: 'Fault Analyst Renamed' } }),
      retry: () => ({ method: 'annotator:set-local', payload: { name: 'Fault Analyst Again' } }),
    },
    { name: 'import corpus', first: () => corpus(quick ? 4 : 8, 100), retry: () => corpus(2, 200) },
    {
      name: 'import two files',
      first: () => ({
        method: 'documents:import',
        payload: {
          files: [
            { name: 'first.txt', dataBase64: base64('A first report about the talks.\r\nSecond line.\r\n') },
            {
              name: 'second.md',
              dataBase64: base64('# Second report\n\nThe envoy said the border stays closed.\n'),
            },
          ],
        },
      }),
      retry: () => ({
        method: 'documents:import',
        payload: { files: [{ name: 'third.txt', dataBase64: base64('A third report.') }] },
      }),
    },
    {
      name: 'save, then close',
      closeInWindow: true,
      first: (w) => addSpans(w, ['c1'], 3),
      retry: (w) => addSpans(w, ['c2'], 4),
    },
  ];
}

/**
 * The logical state of a workspace as sorted facts: analysts, and per document (keyed by its text's sha256,
 * since imports make random ids) its title, revision, statuses and spans. Timestamps are left out.
 */
export async function fingerprint(dir: string): Promise<string[]> {
  const ws = workspaceFileSchema.parse(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')));
  const facts = [`local ${ws.localAnnotatorId}`, ...ws.annotators.map((a) => `annotator ${a.id}=${a.name}`)];
  const { documents, problems } = await inspectWorkspace(dir, false);
  facts.push(...problems.map((p) => `problem ${p}`));
  for (const doc of documents.values()) {
    const key = doc.sha256.slice(0, 12);
    facts.push(`doc ${key} "${doc.title}" revision ${doc.revision}`);
    for (const [layer, status] of Object.entries(doc.status)) facts.push(`status ${key} ${layer}=${status}`);
    for (const [layer, content] of Object.entries(doc.layers)) {
      for (const s of content?.spans ?? [])
        facts.push(`span ${key} ${layer} ${s.id} ${s.label} ${s.start}-${s.end} ${s.note}`);
    }
  }
  return facts.sort();
}
