// The one operations module (shared layer, pure): annotation ops on a layer's spans and relations, applied by
// main (validated, then persisted) and by the renderer (optimistic apply and undo). Each batch returns what
// changed (the delta the editor draws) and the ops that undo it; a batch that fails part-way is rolled back.
// Deleting a span deletes the relations that use it, and its inverse brings them all back (tldraw's RecordsDiff).
import { z } from 'zod';
import { anchorOf, checkRange } from '../text/anchor';
import type { Layer, Relation, Span } from './document';
import { attributesSchema, isoDate, provenanceSchema } from './document';
import { idString, relationIdSchema, spanIdSchema } from './ids';
import type { AnnotatorId, RelationId, SpanId } from './ids';
import type { LabelSchema } from './label-schema';
import { MAX_NOTE_CHARS } from './limits';
import { LayerIndex } from './layer-index';

export const spanDraftSchema = z
  .object({
    id: spanIdSchema,
    label: idString,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    note: z.string().max(MAX_NOTE_CHARS).optional(),
    attributes: attributesSchema.optional(),
    /** Kept when a removed span is restored (undo of delete), so its history survives. */
    createdAt: isoDate.optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();

export const relationDraftSchema = z
  .object({
    id: relationIdSchema,
    type: idString,
    from: spanIdSchema,
    to: spanIdSchema,
    note: z.string().max(MAX_NOTE_CHARS).optional(),
    createdAt: isoDate.optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();

export const spanChangesSchema = z
  .object({
    label: idString.optional(),
    note: z.string().max(MAX_NOTE_CHARS).optional(),
    attributes: attributesSchema.optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();

export const relationChangesSchema = z
  .object({ type: idString.optional(), note: z.string().max(MAX_NOTE_CHARS).optional() })
  .strict();

export const annotationOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-span'), span: spanDraftSchema }).strict(),
  z.object({ kind: z.literal('remove-span'), spanId: spanIdSchema }).strict(),
  z.object({ kind: z.literal('update-span'), spanId: spanIdSchema, changes: spanChangesSchema }).strict(),
  z.object({ kind: z.literal('add-relation'), relation: relationDraftSchema }).strict(),
  z.object({ kind: z.literal('remove-relation'), relationId: relationIdSchema }).strict(),
  z
    .object({
      kind: z.literal('update-relation'),
      relationId: relationIdSchema,
      changes: relationChangesSchema,
    })
    .strict(),
]);

export type SpanDraft = z.infer<typeof spanDraftSchema>;
export type RelationDraft = z.infer<typeof relationDraftSchema>;
export type SpanChanges = z.infer<typeof spanChangesSchema>;
export type RelationChanges = z.infer<typeof relationChangesSchema>;
export type AnnotationOp = z.infer<typeof annotationOpSchema>;

export interface OpsContext {
  /** The document's canonical text: quotes and context are computed from it. */
  text: string;
  /** Labels, attributes and relation types are checked against it. */
  schema: LabelSchema;
  /** Who makes the change (createdBy of new spans and relations). */
  annotator: AnnotatorId;
  /** ISO timestamp of the change. */
  now: string;
}

/** What a batch changed, in the order the editor should apply it. */
export interface LayerDelta {
  addedSpans: Span[];
  removedSpans: SpanId[];
  updatedSpans: Span[];
  addedRelations: Relation[];
  removedRelations: RelationId[];
  updatedRelations: Relation[];
}

export interface OpsResult {
  delta: LayerDelta;
  /** Ops that undo the batch, in the order they must be applied. */
  inverse: AnnotationOp[];
}

export type OpErrorCode = 'invalid-request' | 'not-found' | 'conflict';

/** A batch that cannot be applied; `index` is the 0-based op at fault. Nothing of the batch stays applied. */
export class OpError extends Error {
  constructor(
    readonly code: OpErrorCode,
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'OpError';
  }
}

export function emptyDelta(): LayerDelta {
  return {
    addedSpans: [],
    removedSpans: [],
    updatedSpans: [],
    addedRelations: [],
    removedRelations: [],
    updatedRelations: [],
  };
}

/** A stored span built from a draft: quote and context come from the text, never from the caller. */
export function spanFromDraft(draft: SpanDraft, ctx: OpsContext): Span {
  const span: Span = {
    id: draft.id,
    label: draft.label,
    start: draft.start,
    end: draft.end,
    ...anchorOf(ctx.text, draft.start, draft.end),
    attributes: { ...(draft.attributes ?? {}) },
    note: draft.note ?? '',
    createdBy: ctx.annotator,
    createdAt: draft.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  if (draft.provenance !== undefined) span.provenance = draft.provenance;
  return span;
}

/** The draft that re-creates `span` (used by undo of a delete). */
export function draftOfSpan(span: Span): SpanDraft {
  const draft: SpanDraft = {
    id: span.id,
    label: span.label,
    start: span.start,
    end: span.end,
    note: span.note,
    attributes: span.attributes,
    createdAt: span.createdAt,
  };
  if (span.provenance !== undefined) draft.provenance = span.provenance;
  return draft;
}

export function draftOfRelation(relation: Relation): RelationDraft {
  const draft: RelationDraft = {
    id: relation.id,
    type: relation.type,
    from: relation.from,
    to: relation.to,
    note: relation.note,
    createdAt: relation.createdAt,
  };
  if (relation.provenance !== undefined) draft.provenance = relation.provenance;
  return draft;
}

/**
 * Applies `ops` in order to `target` (mutating it) and returns the net delta and the inverse. If any op fails,
 * the ops already applied are undone before the OpError is thrown, so the layer is unchanged.
 */
export function applyOps(target: LayerIndex, ops: readonly AnnotationOp[], ctx: OpsContext): OpsResult {
  const touched: Touched = { spans: new Map(), relations: new Map() };
  const inverse: AnnotationOp[] = [];
  const applied: AnnotationOp[][] = [];
  try {
    for (const [index, op] of ops.entries()) {
      const undo = applyOne(target, op, ctx, index, touched);
      applied.push(undo);
      inverse.unshift(...undo);
    }
  } catch (error) {
    // Roll back what was applied, newest first; the inverse of ops that applied always applies.
    const scratch: Touched = { spans: new Map(), relations: new Map() };
    for (const undo of applied.reverse())
      for (const op of undo) applyOne(target, op, ctx, -1, scratch, false);
    throw error;
  }
  return { delta: netDelta(target, touched), inverse };
}

/** The state of each touched record before the batch touched it (undefined: it did not exist). */
interface Touched {
  spans: Map<SpanId, Span | undefined>;
  relations: Map<RelationId, Relation | undefined>;
}

function netDelta(target: LayerIndex, touched: Touched): LayerDelta {
  const delta = emptyDelta();
  for (const [id, before] of touched.spans) {
    const after = target.span(id);
    if (before === undefined && after !== undefined) delta.addedSpans.push(after);
    else if (before !== undefined && after === undefined) delta.removedSpans.push(id);
    else if (before !== undefined && after !== undefined && before !== after) {
      // Same id, possibly moved (removed and re-added elsewhere): the editor redraws it either way.
      delta.updatedSpans.push(after);
    }
  }
  for (const [id, before] of touched.relations) {
    const after = target.relation(id);
    if (before === undefined && after !== undefined) delta.addedRelations.push(after);
    else if (before !== undefined && after === undefined) delta.removedRelations.push(id);
    else if (before !== undefined && after !== undefined && before !== after)
      delta.updatedRelations.push(after);
  }
  return delta;
}

/** Applies `ops` to a copy of `layer`; the input is left untouched. */
export function applyOpsToLayer(
  layer: Layer,
  ops: readonly AnnotationOp[],
  ctx: OpsContext,
): OpsResult & { layer: Layer } {
  const index = new LayerIndex(layer);
  const result = applyOps(index, ops, ctx);
  return { ...result, layer: index.toLayer() };
}

function applyOne(
  target: LayerIndex,
  op: AnnotationOp,
  ctx: OpsContext,
  index: number,
  touched: Touched,
  validate = true,
): AnnotationOp[] {
  const touchSpan = (id: SpanId) => {
    if (!touched.spans.has(id)) touched.spans.set(id, target.span(id));
  };
  const touchRelation = (id: RelationId) => {
    if (!touched.relations.has(id)) touched.relations.set(id, target.relation(id));
  };
  const where = `operation ${index + 1} (${op.kind})`;
  const fail = (code: OpErrorCode, message: string): never => {
    throw new OpError(code, index, `${where}: ${message}`);
  };
  switch (op.kind) {
    case 'add-span': {
      if (target.span(op.span.id) !== undefined) fail('conflict', `span ${op.span.id} already exists.`);
      if (validate) {
        const problem = checkRange(ctx.text, op.span.start, op.span.end);
        if (problem !== null) fail('invalid-request', problem);
        const labelProblem = checkLabel(ctx.schema, op.span.label, op.span.attributes ?? {});
        if (labelProblem !== null) fail('invalid-request', labelProblem);
      }
      const span = spanFromDraft(op.span, ctx);
      touchSpan(span.id);
      target.insertSpan(span);
      return [{ kind: 'remove-span', spanId: span.id }];
    }
    case 'remove-span': {
      const span = target.span(op.spanId) ?? fail('not-found', `span ${op.spanId} does not exist.`);
      const relations = target.relationsOf(span.id);
      for (const relation of relations) {
        touchRelation(relation.id);
        target.deleteRelation(relation.id);
      }
      touchSpan(span.id);
      target.deleteSpan(span.id);
      // Undo re-creates the span first, then the relations that used it.
      return [
        { kind: 'add-span', span: draftOfSpan(span) },
        ...relations.map((r): AnnotationOp => ({ kind: 'add-relation', relation: draftOfRelation(r) })),
      ];
    }
    case 'update-span': {
      const span = target.span(op.spanId) ?? fail('not-found', `span ${op.spanId} does not exist.`);
      const changes = withKeptAttributes(ctx.schema, span, op.changes);
      if (validate) {
        const labelProblem = checkLabel(
          ctx.schema,
          changes.label ?? span.label,
          changes.attributes ?? span.attributes,
        );
        if (labelProblem !== null) fail('invalid-request', labelProblem);
      }
      const before: Record<string, unknown> = {};
      for (const key of Object.keys(changes)) before[key] = span[key as keyof Span];
      const changed: Span = { ...span, ...changes, updatedAt: ctx.now };
      touchSpan(span.id);
      target.replaceSpan(changed);
      const undo: AnnotationOp[] = [
        { kind: 'update-span', spanId: span.id, changes: restoreChanges(before) },
      ];
      // A relabel can leave relations with ends their type does not allow: they go, and undo restores them.
      if (op.changes.label !== undefined && op.changes.label !== span.label) {
        for (const relation of target.relationsOf(span.id)) {
          if (relationProblem(target, ctx.schema, relation) === null) continue;
          touchRelation(relation.id);
          target.deleteRelation(relation.id);
          undo.push({ kind: 'add-relation', relation: draftOfRelation(relation) });
        }
      }
      return undo;
    }
    case 'add-relation': {
      const draft = op.relation;
      if (target.relation(draft.id) !== undefined) fail('conflict', `relation ${draft.id} already exists.`);
      const relation: Relation = {
        id: draft.id,
        type: draft.type,
        from: draft.from,
        to: draft.to,
        note: draft.note ?? '',
        createdBy: ctx.annotator,
        createdAt: draft.createdAt ?? ctx.now,
      };
      if (draft.provenance !== undefined) relation.provenance = draft.provenance;
      if (validate) {
        const problem = relationProblem(target, ctx.schema, relation);
        if (problem !== null) fail(problem.code, problem.message);
        const twin = target
          .relationsOf(relation.from)
          .find((r) => r.type === relation.type && r.from === relation.from && r.to === relation.to);
        if (twin !== undefined)
          fail('conflict', `the same ${relation.type} link already exists (${twin.id}).`);
      }
      touchRelation(relation.id);
      target.insertRelation(relation);
      return [{ kind: 'remove-relation', relationId: relation.id }];
    }
    case 'remove-relation': {
      const relation =
        target.relation(op.relationId) ?? fail('not-found', `relation ${op.relationId} does not exist.`);
      touchRelation(relation.id);
      target.deleteRelation(relation.id);
      return [{ kind: 'add-relation', relation: draftOfRelation(relation) }];
    }
    case 'update-relation': {
      const relation =
        target.relation(op.relationId) ?? fail('not-found', `relation ${op.relationId} does not exist.`);
      const changed: Relation = { ...relation, ...op.changes };
      if (validate) {
        const problem = relationProblem(target, ctx.schema, changed);
        if (problem !== null) fail(problem.code, problem.message);
      }
      const before: Record<string, unknown> = {};
      for (const key of Object.keys(op.changes)) before[key] = relation[key as keyof Relation];
      touchRelation(relation.id);
      target.replaceRelation(changed);
      return [{ kind: 'update-relation', relationId: relation.id, changes: restoreChanges(before) as never }];
    }
  }
}

/** A relabel keeps only the attributes the new label defines (undo brings the others back). */
function withKeptAttributes(schema: LabelSchema, span: Span, changes: SpanChanges): SpanChanges {
  if (changes.label === undefined || changes.label === span.label || changes.attributes !== undefined)
    return changes;
  const defs = schema.labels.find((l) => l.id === changes.label)?.attributes ?? [];
  const kept = Object.fromEntries(
    Object.entries(span.attributes).filter(([key]) => defs.some((d) => d.id === key)),
  );
  return Object.keys(kept).length === Object.keys(span.attributes).length
    ? changes
    : { ...changes, attributes: kept };
}

/** The changes that put back `before`; a field that was absent (provenance) cannot be unset, so it stays. */
function restoreChanges(before: Record<string, unknown>): SpanChanges {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(before)) if (value !== undefined) changes[key] = value;
  return changes as SpanChanges;
}

/** Why `labelId` with `attributes` is not allowed by the schema, or null. */
export function checkLabel(
  schema: LabelSchema,
  labelId: string,
  attributes: Readonly<Record<string, string>>,
): string | null {
  const label = schema.labels.find((l) => l.id === labelId);
  if (label === undefined) {
    const known = schema.labels.map((l) => l.id).join(', ');
    return `unknown label "${labelId}" (the schema has ${known}).`;
  }
  for (const [key, value] of Object.entries(attributes)) {
    const def = label.attributes.find((a) => a.id === key);
    if (def === undefined) return `"${label.name}" has no attribute "${key}".`;
    if (def.values.length > 0 && !def.values.includes(value)) {
      return `"${value}" is not a value of ${label.name}.${def.name} (${def.values.join(', ')}).`;
    }
  }
  return null;
}

/** Why `relation` is not allowed in `target` (missing ends, unknown type, ends of the wrong label), or null. */
export function relationProblem(
  target: Pick<LayerIndex, 'span'>,
  schema: LabelSchema,
  relation: Pick<Relation, 'type' | 'from' | 'to'>,
): { code: OpErrorCode; message: string } | null {
  const type = schema.relationTypes.find((t) => t.id === relation.type);
  if (type === undefined) {
    const known = schema.relationTypes.map((t) => t.id).join(', ') || 'none';
    return {
      code: 'invalid-request',
      message: `unknown relation type "${relation.type}" (the schema has ${known}).`,
    };
  }
  if (relation.from === relation.to)
    return { code: 'invalid-request', message: 'a span cannot be linked to itself.' };
  const from = target.span(relation.from);
  const to = target.span(relation.to);
  if (from === undefined) return { code: 'not-found', message: `span ${relation.from} does not exist.` };
  if (to === undefined) return { code: 'not-found', message: `span ${relation.to} does not exist.` };
  if (!type.from.includes(from.label) || !type.to.includes(to.label)) {
    return {
      code: 'invalid-request',
      message: `"${type.name}" links ${type.from.join('/')} → ${type.to.join('/')}, not ${from.label} → ${to.label}.`,
    };
  }
  return null;
}
