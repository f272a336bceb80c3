// Service handlers for documents (src/main): reading one, importing files (a task with progress and Cancel),
// the analyst's own status, renaming, metadata, and the trash (delete, restore, list).
import { WorkbenchError } from '@shared/api';
import { GOLD_LAYER, setEntry, summarizeDocument, type DocumentSummary } from '@shared/model';
import type { Caller, ServiceHandlers } from '../dispatch';
import { importDocuments } from '../import-documents';
import type { ServiceContext } from '../service-context';

type DocumentHandlers = Pick<
  ServiceHandlers,
  | 'document:get'
  | 'documents:import'
  | 'document:set-status'
  | 'document:rename'
  | 'document:set-meta'
  | 'document:delete'
  | 'document:restore'
  | 'trash:list'
>;

export function documentHandlers(ctx: ServiceContext): DocumentHandlers {
  const changed = (summaries: DocumentSummary[], caller: Caller) =>
    ctx.events.publish({ kind: 'documents-changed', summaries }, caller.clientId);
  return {
    // Shared, not cloned: the answer is only serialized (IPC, HTTP), so a clone would be a second copy for nothing.
    'document:get': async ({ docId }) => ctx.store.documentSnapshot(docId),

    'documents:import': async ({ files, taskId }, caller) =>
      ctx.tasks.run(taskId, caller.clientId, async (task) => {
        const report = await importDocuments(
          ctx.store,
          files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
          { now: ctx.now, task, ...(ctx.parseImport === undefined ? {} : { parse: ctx.parseImport }) },
        );
        if (report.imported.length > 0) changed(report.imported, caller);
        return report;
      }),

    'document:set-status': async ({ docId, annotator, status }, caller) => {
      // Your own status, or the curation status of gold (kept under the gold layer's id).
      if (annotator !== ctx.requireLocal() && annotator !== GOLD_LAYER) {
        throw new WorkbenchError('conflict', `You can only set your own status, not ${annotator}'s.`);
      }
      const doc = await ctx.store.updateDocument(docId, (draft) => {
        setEntry(draft.status, annotator, status);
      });
      const summary = summarizeDocument(doc);
      changed([summary], caller);
      return summary;
    },

    'document:rename': async ({ docId, title }, caller) => {
      ctx.requireLocal();
      const summary = summarizeDocument(
        await ctx.store.updateDocument(docId, (draft) => void (draft.title = title)),
      );
      changed([summary], caller);
      return summary;
    },

    'document:set-meta': async ({ docId, meta }, caller) => {
      ctx.requireLocal();
      const doc = await ctx.store.updateDocument(docId, (draft) => void (draft.meta = meta));
      changed([summarizeDocument(doc)], caller);
      return doc;
    },

    'document:delete': async ({ docId }, caller) => {
      const me = ctx.requireLocal();
      const trashed = await ctx.store.trashDocument(docId, me);
      ctx.events.publish({ kind: 'documents-removed', docIds: [docId] }, caller.clientId);
      return trashed;
    },

    'document:restore': async ({ docId }, caller) => {
      ctx.requireLocal();
      const summary = await ctx.store.restoreDocument(docId);
      changed([summary], caller);
      return summary;
    },

    'trash:list': async () => ctx.store.trashed(),
  };
}
