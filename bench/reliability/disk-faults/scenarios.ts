// The operations whose file-system calls the disk-fault campaign fails one by one (bench/reliability, Node
// only): saving annotations, a status, a comment, the analyst's name, importing a corpus and two files,
// importing annotated files into a colleague's layer, and a save whose deferred index write happens at close.
// Each has a first request (run under the fault) and a different retry (run once the disk works again).
import { generateShortArticles, toJsonl } from '../../lib/corpus';

export interface FaultWorld {
  docA: string;
  docB: string;
  /** Document A's text: annotated imports find the document by it. */
  textA: string;
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

/**
 * doccano lines for a colleague's layer: one on document A's text (its layer goes into the existing document)
 * and one on a new text (a new document). The layer is new, so the workspace gains an analyst too.
 */
function annotatedImport(world: FaultWorld, layer: string, newText: string): ApiRequest {
  const entity = (id: number, end: number) => ({ id, label: 'actor', start_offset: 0, end_offset: end });
  const lines = [
    { text: world.textA, entities: [entity(1, 7)], relations: [] },
    { text: newText, entities: [entity(1, 3)], relations: [] },
  ];
  const dataBase64 = base64(lines.map((line) => JSON.stringify(line)).join('\n'));
  return {
    method: 'import:commit',
    payload: { format: 'doccano', layer, files: [{ name: `${layer}.jsonl`, dataBase64 }] },
  };
}

function comment(world: FaultWorld, text: string): ApiRequest {
  const target = { layer: world.layer, kind: 'span', id: 'base' };
  return { method: 'comments:add', payload: { docId: world.docA, target, text } };
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
      name: 'save a comment',
      first: (w) => comment(w, 'Check the source.'),
      retry: (w) => comment(w, 'Checked.'),
    },
    {
      name: 'rename analyst',
      first: () => ({ method: 'annotator:rename', payload: { name: 'Fault Analyst Renamed' } }),
      retry: () => ({ method: 'annotator:rename', payload: { name: 'Fault Analyst Again' } }),
    },
    {
      name: 'import annotations',
      first: (w) => annotatedImport(w, 'Colleague', 'Ali spoke first.'),
      retry: (w) => annotatedImport(w, 'Second Colleague', 'Bo spoke last.'),
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
