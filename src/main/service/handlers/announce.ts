// Telling the other windows that whole documents were rewritten (src/main): a schema migration or an actor
// rename changes documents outside any one window's edits, so open sessions reload them and the document
// list takes their new counts.
import type { DocId, DocumentSummary } from '@shared/model';
import type { Caller } from '../dispatch';
import type { ServiceContext } from '../service-context';

export function announceRewrites(ctx: ServiceContext, docIds: readonly DocId[], caller: Caller): void {
  if (docIds.length === 0) return;
  const wanted = new Set<string>(docIds);
  const summaries: DocumentSummary[] = ctx.store.documents().filter((s) => wanted.has(s.id));
  ctx.events.publish({ kind: 'documents-changed', summaries }, caller.clientId);
  ctx.events.publish({ kind: 'documents-reloaded', docIds: [...docIds] }, caller.clientId);
}
