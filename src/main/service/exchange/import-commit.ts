// Writes an import plan (src/main), all or nothing: the schema and analysts first, then each existing
// document's layers, then the new documents as one batch. If any write fails, what was already written is put
// back as it was, so the workspace shows exactly what it showed before, and the error names the cause.
import { WorkbenchError } from '@shared/api';
import {
  ownEntry,
  setEntry,
  summarizeDocument,
  type DocId,
  type DocumentSummary,
  type Layer,
  type LayerId,
  type WorkspaceFile,
} from '@shared/model';
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
  if (workspaceChanged) {
    await store.updateWorkspace((ws) => {
      ws.labelSchema = structuredClone(plan.schema);
      ws.annotators.push(...plan.newAnnotators);
    });
  }
  const undone: { docId: DocId; layers: Map<LayerId, Layer | undefined> }[] = [];
  const summaries: DocumentSummary[] = [];
  try {
    for (const update of plan.updates) {
      const previous = new Map<LayerId, Layer | undefined>();
      const doc = await store.updateDocument(update.docId, (draft) => {
        for (const [layer, content] of update.layers) {
          previous.set(layer, ownEntry(draft.layers, layer));
          setEntry(draft.layers, layer, content);
        }
      });
      undone.push({ docId: update.docId, layers: previous });
      summaries.push(summarizeDocument(doc));
    }
    if (plan.creates.length > 0) summaries.push(...(await store.createDocuments(plan.creates)));
  } catch (error) {
    await rollBack(ctx, undone, workspaceChanged ? before : null);
    if (error instanceof WorkbenchError) {
      throw new WorkbenchError(error.code, `${error.message} Nothing of the import was kept.`, error.details);
    }
    throw error;
  }
  return { summaries, updatedIds: plan.updates.map((u) => u.docId), workspaceChanged };
}

async function rollBack(
  ctx: ServiceContext,
  undone: { docId: DocId; layers: Map<LayerId, Layer | undefined> }[],
  workspace: WorkspaceFile | null,
): Promise<void> {
  for (const { docId, layers } of undone.reverse()) {
    await ctx.store
      .updateDocument(docId, (draft) => {
        for (const [layer, content] of layers) {
          if (content === undefined) delete draft.layers[layer];
          else setEntry(draft.layers, layer, content);
        }
      })
      .catch(() => undefined);
  }
  if (workspace !== null) {
    await ctx.store
      .updateWorkspace((ws) => {
        ws.labelSchema = structuredClone(workspace.labelSchema);
        ws.annotators = structuredClone(workspace.annotators);
      })
      .catch(() => undefined);
  }
}
