// Writes an import plan (src/main), all or nothing: the schema and analysts first, then each existing
// document's layers, then the new documents as one batch. If any write fails, what was already written is put
// back as it was, so the workspace shows exactly what it showed before, and the error names the cause.
import { WorkbenchError } from '@shared/api';
import {
  ownEntry,
  setEntry,
  summarizeDocument,
  type DocId,
  type Comment,
  type DocumentSummary,
  type Layer,
  type LayerId,
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
  if (workspaceChanged) {
    await store.updateWorkspace((ws) => {
      ws.labelSchema = structuredClone(plan.schema);
      ws.annotators.push(...plan.newAnnotators);
    });
  }
  const undone: Undo[] = [];
  const summaries: DocumentSummary[] = [];
  try {
    for (const update of plan.updates) {
      const previous = new Map<LayerId, Layer | undefined>();
      let comments: Comment[] = [];
      const doc = await store.updateDocument(update.docId, (draft) => {
        comments = structuredClone(draft.comments);
        for (const [layer, content] of update.layers) {
          previous.set(layer, ownEntry(draft.layers, layer));
          setEntry(draft.layers, layer, content);
          dropOrphanComments(draft, layer);
        }
      });
      undone.push({ docId: update.docId, layers: previous, comments });
      summaries.push(summarizeDocument(doc));
    }
    if (plan.creates.length > 0) summaries.push(...(await store.createDocuments(plan.creates)));
  } catch (error) {
    const stayed = await rollBack(ctx, undone, workspaceChanged ? { before, plan } : null);
    if (error instanceof WorkbenchError) {
      const outcome =
        stayed.length === 0
          ? 'Nothing of the import was kept.'
          : `The import could not be undone completely (the disk failed again): ${stayed.join('; ')} stay.`;
      throw new WorkbenchError(error.code, `${error.message} ${outcome}`, error.details);
    }
    throw error;
  }
  return { summaries, updatedIds: plan.updates.map((u) => u.docId), workspaceChanged };
}

/** What an update replaced: the layers it set, and the comments (a replaced layer drops threads on its tags). */
interface Undo {
  docId: DocId;
  layers: Map<LayerId, Layer | undefined>;
  comments: Comment[];
}

/** Puts back what the import wrote; returns what could not be put back, for people. */
async function rollBack(
  ctx: ServiceContext,
  undone: Undo[],
  workspace: { before: WorkspaceFile; plan: ImportPlan } | null,
): Promise<string[]> {
  const stayed: string[] = [];
  for (const { docId, layers, comments } of undone.reverse()) {
    await ctx.store
      .updateDocument(docId, (draft) => {
        for (const [layer, content] of layers) {
          if (content === undefined) delete draft.layers[layer];
          else setEntry(draft.layers, layer, content);
        }
        draft.comments = comments;
      })
      .catch(() => stayed.push(`the layers it put into document ${docId}`));
  }
  if (workspace !== null) {
    const { before, plan } = workspace;
    await ctx.store
      .updateWorkspace((ws) => {
        ws.labelSchema = structuredClone(before.labelSchema);
        ws.annotators = structuredClone(before.annotators);
      })
      .catch(() => {
        const analysts = plan.newAnnotators.map((a) => `analyst ${a.name}`);
        stayed.push([...analysts, ...plan.report.schemaAdditions].join(', ') || 'its label schema');
      });
  }
  return stayed;
}
