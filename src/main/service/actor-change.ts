// Canonical actors across the corpus (src/main): the actors named in the workspace, and renaming or merging
// them in every document of the analyst's own layer as one all-or-nothing change (the analyst's own layer
// only: nobody writes into a colleague's layer). Each change answers with the assignments that undo it.
import { WorkbenchError, type ActorChange } from '@shared/api';
import {
  ActorTally,
  LayerIndex,
  OpError,
  actorLabels,
  applyOps,
  assignmentOp,
  currentAssignment,
  ownEntry,
  renameAssignments,
  setEntry,
  type ActorAssignment,
  type ActorEntry,
  type AnnotationOp,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
} from '@shared/model';
import { forEachDocument, rewriteDocuments, type DocumentRewrite } from './corpus';
import type { ServiceContext } from './service-context';

export async function listActors(ctx: ServiceContext): Promise<ActorEntry[]> {
  const me = ctx.localAnnotator()?.id ?? null;
  const tally = new ActorTally(actorLabels(ctx.store.workspace().labelSchema));
  await forEachDocument(ctx.store, (doc) => {
    for (const [layerId, layer] of Object.entries(doc.layers)) tally.addLayer(doc.id, layer, layerId === me);
  });
  return tally.list();
}

export async function renameActors(
  ctx: ServiceContext,
  names: readonly string[],
  to: string,
): Promise<ActorChange & { docIds: DocId[] }> {
  const me = ctx.requireLocal();
  const labels = actorLabels(ctx.store.workspace().labelSchema);
  if (labels.size === 0) {
    throw new WorkbenchError(
      'invalid-request',
      'No label carries a canonical actor: add an attribute with the id "actor" to a label in the schema editor.',
    );
  }
  const wanted = new Set(names);
  const assignments: ActorAssignment[] = [];
  await forEachDocument(ctx.store, (doc) => {
    const layer = ownEntry(doc.layers, me);
    if (layer !== undefined) assignments.push(...renameAssignments(doc.id, layer, labels, wanted, to));
  });
  if (assignments.length === 0) return { spans: 0, documents: 0, undo: [], redo: [], docIds: [] };
  return assignActors(ctx, assignments);
}

/** Sets each span's canonical actor in the analyst's layer, all or nothing; answers with its undo. */
export async function assignActors(
  ctx: ServiceContext,
  assignments: readonly ActorAssignment[],
): Promise<ActorChange & { docIds: DocId[] }> {
  const me = ctx.requireLocal();
  const byDoc = new Map<DocId, ActorAssignment[]>();
  for (const a of assignments) byDoc.set(a.docId as DocId, [...(byDoc.get(a.docId as DocId) ?? []), a]);
  const undo: ActorAssignment[] = [];
  const rewrites: DocumentRewrite[] = [...byDoc].map(([docId, list]) => ({
    docId,
    rewrite: (draft) => undo.push(...assignInDocument(ctx, draft, me, list)),
  }));
  await rewriteDocuments(ctx.store, rewrites);
  return {
    spans: assignments.length,
    documents: byDoc.size,
    undo,
    redo: [...assignments],
    docIds: [...byDoc.keys()],
  };
}

/** Applies one document's assignments through the operations module (so the schema checks them); returns their undo. */
function assignInDocument(
  ctx: ServiceContext,
  draft: DocumentRecord,
  me: AnnotatorId,
  list: readonly ActorAssignment[],
): ActorAssignment[] {
  const index = new LayerIndex(ownEntry(draft.layers, me));
  const undo: ActorAssignment[] = [];
  const ops: AnnotationOp[] = [];
  for (const assignment of list) {
    const span = index.span(assignment.spanId);
    if (span === undefined) {
      throw new WorkbenchError(
        'not-found',
        `The span ${assignment.spanId} of "${draft.title}" no longer exists in your layer.`,
      );
    }
    undo.push(currentAssignment(draft.id, span));
    ops.push(assignmentOp(span, assignment.value));
  }
  const schema = ctx.store.workspace().labelSchema;
  try {
    applyOps(index, ops, { schema, annotator: me, now: ctx.now().toISOString(), text: draft.text });
  } catch (error) {
    if (error instanceof OpError) throw new WorkbenchError(error.code, error.message);
    throw error;
  }
  setEntry(draft.layers, me, index.toLayer());
  return undo;
}
