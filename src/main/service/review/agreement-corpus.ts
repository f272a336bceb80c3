// The documents an agreement figure is computed over (src/main): those on which every compared layer has
// worked — the layer exists (something was tagged), or its analyst marked the document in progress or done (a
// layer with no spans on purpose). A document someone has not reached yet never counts as a disagreement.
import type { AgreementDocument, AgreementLayer } from '@shared/agreement';
import { ownEntry, type DocId, type DocumentRecord } from '@shared/model';
import type { WorkspaceStore } from '../../store/workspace-store';
import type { Task } from '../tasks';

function worked(doc: DocumentRecord, layer: string): boolean {
  if (ownEntry(doc.layers, layer) !== undefined) return true;
  const status = ownEntry(doc.status, layer);
  return status === 'in-progress' || status === 'done';
}

export function agreementDocument(doc: DocumentRecord, layers: readonly string[]): AgreementDocument {
  const map = new Map<string, AgreementLayer>();
  for (const layer of layers) {
    const content = ownEntry(doc.layers, layer);
    map.set(layer, {
      spans: (content?.spans ?? []).map(({ id, label, start, end }) => ({ id, label, start, end })),
      relations: (content?.relations ?? []).map(({ id, type, from, to }) => ({ id, type, from, to })),
    });
  }
  return { id: doc.id, title: doc.title, text: doc.text, layers: map };
}

export async function agreementCorpus(
  store: WorkspaceStore,
  layers: readonly string[],
  task: Task,
  only?: string,
): Promise<AgreementDocument[]> {
  const damaged = new Set(store.problems.map((p) => /^documents\/([^/]+)\.json$/.exec(p.file)?.[1]));
  const summaries = store
    .documents()
    .filter((s) => !damaged.has(s.id) && (only === undefined || s.id === only));
  const documents: AgreementDocument[] = [];
  for (const [index, summary] of summaries.entries()) {
    task.checkpoint();
    task.progress('Reading documents', index, summaries.length);
    const doc = await store.readDocument(summary.id as DocId);
    if (layers.every((layer) => worked(doc, layer))) documents.push(agreementDocument(doc, layers));
  }
  return documents;
}
