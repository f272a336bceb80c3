// Writes an import plan (src/main), all or nothing: the schema and analysts, each existing document's layers
// and the new documents go to the store as one batch (staged, then committed by one rename), so a failing disk
// or a kill at any moment leaves the workspace showing exactly what it showed before, or all of the import.
import { WorkbenchError } from '@shared/api';
import {
  setEntry,
  summarizeDocument,
  type DocId,
  type DocumentRecord,
  type DocumentSummary,
  type WorkspaceFile,
} from '@shared/model';
import { dropOrphanComments } from '../comment-threads';
import type { ServiceContext } from '../service-context';
import type { ImportPlan } from './import-plan';

export interface CommittedImport {
  summaries: DocumentSummary[];
  updatedIds: DocId[];
  workspaceChanged: boolean;
}

export async function commitImport(ctx: ServiceContext, plan: ImportPlan): Promise<CommittedImport> {
  const { store } = ctx;
  const before: WorkspaceFile = store.workspace();
  const workspaceChanged =
    plan.newAnnotators.length > 0 || JSON.stringify(plan.schema) !== JSON.stringify(before.labelSchema);
  const updates = plan.updates.map((update) => ({
    id: update.docId,
    mutate: (draft: DocumentRecord) => {
      for (const [layer, content] of update.layers) {
        setEntry(draft.layers, layer, content);
        dropOrphanComments(draft, layer);
      }
    },
  }));
  let written;
  try {
    written = await store.commitBatch({
      workspace: workspaceChanged
        ? (ws) => {
            ws.labelSchema = structuredClone(plan.schema);
            ws.annotators.push(...plan.newAnnotators);
          }
        : undefined,
      updates,
      creates: plan.creates,
    });
  } catch (error) {
    // The store writes the batch whole or not at all (and a killed writer's half is undone on open).
    if (error instanceof WorkbenchError)
      throw new WorkbenchError(error.code, `${error.message} Nothing of the import was kept.`, error.details);
    throw error;
  }
  return {
    summaries: [...written.updated.map((doc) => summarizeDocument(doc)), ...written.created],
    updatedIds: plan.updates.map((u) => u.docId),
    workspaceChanged,
  };
}
