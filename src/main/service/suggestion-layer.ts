// Machine suggestions written as a layer (src/main), for the CLI's `suggest --layer <name>`: the layer is
// named like an import's (an existing analyst by id or name, else a new one), gets every suggestion the
// suggester makes that it does not hold already, with the links between them, all or nothing; the layer can
// then be exported, compared and scored like any analyst's.
import { randomUUID } from 'node:crypto';
import { WorkbenchError, type WrittenSuggestions } from '@shared/api';
import {
  GOLD_LAYER,
  LayerIndex,
  OpError,
  applyOps,
  ownEntry,
  setEntry,
  suggestionKey,
  summarizeDocument,
  type AnnotationOp,
  type Annotator,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type LabelSchema,
  type LayerDelta,
  type LayerId,
  type RelationId,
  type SpanId,
  type Suggestion,
} from '@shared/model';
import { rewriteDocuments } from './corpus';
import { resolveAnalyst } from './exchange/import-plan';
import { suggestForDocuments } from './machine-suggestions';
import type { ServiceContext } from './service-context';
import type { Task } from './tasks';

/** A layer name the suggestions may go into: not empty, not too long, not gold (adjudicated tags only). */
export function checkLayerName(name: string): void {
  const trimmed = name.trim();
  if (trimmed === '') throw new WorkbenchError('invalid-request', 'Name the layer the suggestions go into.');
  if (trimmed.length > 80)
    throw new WorkbenchError(
      'invalid-request',
      `The layer name "${trimmed.slice(0, 20)}…" is longer than 80 characters.`,
    );
  if (trimmed.toLowerCase() === GOLD_LAYER)
    throw new WorkbenchError(
      'invalid-request',
      'Machine suggestions cannot go into the gold layer (it holds adjudicated tags): name another layer.',
    );
}

/** The ops that add a document's suggestions to the layer, with the links whose ends both end up in it. */
export function suggestionOps(
  doc: DocumentRecord,
  layer: LayerId,
  suggestions: readonly Suggestion[],
): AnnotationOp[] {
  const idOf = new Map<string, SpanId>(
    (ownEntry(doc.layers, layer)?.spans ?? []).map((s) => [suggestionKey(s.label, s.start, s.end), s.id]),
  );
  const ops: AnnotationOp[] = [];
  for (const s of suggestions) {
    const id = `m${randomUUID().replace(/-/g, '').slice(0, 16)}` as SpanId;
    idOf.set(s.key, id);
    ops.push({ kind: 'add-span', span: { id, label: s.label, start: s.start, end: s.end } });
  }
  const linked = new Set<string>();
  for (const link of suggestions.flatMap((s) => s.relations ?? [])) {
    const from = idOf.get(link.from);
    const to = idOf.get(link.to);
    const name = `${link.type} ${link.from} ${link.to}`;
    if (from === undefined || to === undefined || linked.has(name)) continue;
    linked.add(name);
    const id = `m${randomUUID().replace(/-/g, '').slice(0, 16)}` as RelationId;
    ops.push({ kind: 'add-relation', relation: { id, type: link.type, from, to } });
  }
  return ops;
}

/** Adds the suggestions (and their links) to the draft's layer; a bad op refuses the whole document. */
function addToLayer(
  draft: DocumentRecord,
  layer: AnnotatorId,
  suggestions: readonly Suggestion[],
  ctx: { schema: LabelSchema; annotator: AnnotatorId; now: string },
): LayerDelta {
  const index = new LayerIndex(ownEntry(draft.layers, layer));
  try {
    const { delta } = applyOps(index, suggestionOps(draft, layer, suggestions), { ...ctx, text: draft.text });
    setEntry(draft.layers, layer, index.toLayer());
    return delta;
  } catch (error) {
    if (error instanceof OpError) throw new WorkbenchError(error.code, error.message);
    throw error;
  }
}

export async function writeSuggestionsToLayer(
  ctx: ServiceContext,
  request: { layer: string; documentIds?: readonly string[] | undefined },
  task: Task,
): Promise<WrittenSuggestions> {
  checkLayerName(request.layer);
  const fresh: Annotator[] = [];
  // Never gold (refused above), so the layer is an analyst's.
  const layer = resolveAnalyst(ctx.store.workspace().annotators, request.layer.trim(), fresh) as AnnotatorId;
  const found = await suggestForDocuments(ctx, { layer, documentIds: request.documentIds }, task);
  task.checkpoint();
  const schema = ctx.store.workspace().labelSchema;
  const now = ctx.now().toISOString();
  const counts = new Map<string, { spans: number; relations: number }>();
  const rewrites = found.documents.map((d) => ({
    docId: d.docId as DocId,
    rewrite: (draft: DocumentRecord) => {
      const delta = addToLayer(draft, layer, d.suggestions, { schema, annotator: layer, now });
      counts.set(d.docId, { spans: delta.addedSpans.length, relations: delta.addedRelations.length });
    },
  }));
  if (fresh.length > 0) await ctx.store.updateWorkspace((ws) => void ws.annotators.push(...fresh));
  try {
    const { saved } = await rewriteDocuments(ctx.store, rewrites);
    if (fresh.length > 0) ctx.events.publish({ kind: 'workspace-changed' });
    if (saved.length > 0) {
      ctx.events.publish({ kind: 'documents-changed', summaries: saved.map(summarizeDocument) });
      ctx.events.publish({ kind: 'documents-reloaded', docIds: saved.map((d) => d.id) });
    }
  } catch (error) {
    if (fresh.length > 0)
      await ctx.store
        .updateWorkspace((ws) => void (ws.annotators = ws.annotators.filter((a) => !fresh.includes(a))))
        .catch(() => undefined);
    throw error;
  }
  return {
    layer,
    created: fresh[0] ?? null,
    documents: found.documents.map((d) => ({
      docId: d.docId,
      title: d.title,
      language: d.language,
      ...(counts.get(d.docId) ?? { spans: 0, relations: 0 }),
    })),
    skipped: found.skipped,
  };
}
