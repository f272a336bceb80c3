// Service handlers for documents (src/main): reading one, importing files, and the analyst's own status.
import { WorkbenchError } from '@shared/api';
import { GOLD_LAYER, setEntry, summarizeDocument } from '@shared/model';
import type { ServiceHandlers } from '../dispatch';
import { importDocuments } from '../import-documents';
import type { ServiceContext } from '../service-context';

type DocumentHandlers = Pick<ServiceHandlers, 'document:get' | 'documents:import' | 'document:set-status'>;

export function documentHandlers(ctx: ServiceContext): DocumentHandlers {
  return {
    'document:get': async ({ docId }) => ctx.store.readDocument(docId),

    'documents:import': async ({ files }, caller) => {
      const report = await importDocuments(
        ctx.store,
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
        ctx.parseImport === undefined ? { now: ctx.now } : { now: ctx.now, parse: ctx.parseImport },
      );
      if (report.imported.length > 0) {
        ctx.events.publish({ kind: 'documents-changed', summaries: report.imported }, caller.clientId);
      }
      return report;
    },

    'document:set-status': async ({ docId, annotator, status }, caller) => {
      // Your own status, or the curation status of gold (kept under the gold layer's id).
      if (annotator !== ctx.requireLocal() && annotator !== GOLD_LAYER) {
        throw new WorkbenchError('conflict', `You can only set your own status, not ${annotator}'s.`);
      }
      const doc = await ctx.store.updateDocument(docId, (draft) => {
        setEntry(draft.status, annotator, status);
      });
      const summary = summarizeDocument(doc);
      ctx.events.publish({ kind: 'documents-changed', summaries: [summary] }, caller.clientId);
      return summary;
    },
  };
}
