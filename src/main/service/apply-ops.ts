// Applies a batch of annotation operations to a draft document (src/main). Every op is checked against the
// label schema and the canonical text; the first bad op throws and, because the store only writes a draft
// that mutated without throwing, the whole batch is refused and nothing is saved.
import { WorkbenchError, type AnnotationOp, type SpanDraft } from '@shared/api';
import type { AnnotatorId, DocumentRecord, LabelSchema, Layer, LayerId, Span, SpanId } from '@shared/model';
import { anchorOf, checkRange } from '@shared/text';

export interface ApplyContext {
  schema: LabelSchema;
  annotator: AnnotatorId;
  now: string;
}

/** Applies `ops` to `doc.layers[layer]` in order; returns the ids of spans added or updated. */
export function applyOps(
  doc: DocumentRecord,
  layerId: LayerId,
  ops: AnnotationOp[],
  ctx: ApplyContext,
): SpanId[] {
  const layer: Layer = doc.layers[layerId] ?? { spans: [], relations: [] };
  doc.layers[layerId] = layer;
  const touched = new Set<SpanId>();
  for (const [index, op] of ops.entries()) {
    const where = `operation ${index + 1} (${op.kind})`;
    if (op.kind === 'add-span') {
      if (layer.spans.some((s) => s.id === op.span.id)) {
        throw new WorkbenchError('conflict', `${where}: span ${op.span.id} already exists.`);
      }
      layer.spans.push(buildSpan(doc.text, op.span, ctx, where));
      touched.add(op.span.id);
    } else if (op.kind === 'remove-span') {
      findSpan(layer, op.spanId, where);
      layer.spans = layer.spans.filter((s) => s.id !== op.spanId);
      layer.relations = layer.relations.filter((r) => r.from !== op.spanId && r.to !== op.spanId);
      touched.delete(op.spanId);
    } else {
      const span = findSpan(layer, op.spanId, where);
      const label = op.changes.label ?? span.label;
      checkLabel(ctx.schema, label, op.changes.attributes ?? span.attributes, where);
      Object.assign(span, op.changes, { updatedAt: ctx.now });
      touched.add(span.id);
    }
  }
  layer.spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return [...touched];
}

function buildSpan(text: string, draft: SpanDraft, ctx: ApplyContext, where: string): Span {
  const problem = checkRange(text, draft.start, draft.end);
  if (problem !== null) throw new WorkbenchError('invalid-request', `${where}: ${problem}`);
  const attributes = draft.attributes ?? {};
  checkLabel(ctx.schema, draft.label, attributes, where);
  return {
    id: draft.id,
    label: draft.label,
    start: draft.start,
    end: draft.end,
    ...anchorOf(text, draft.start, draft.end),
    attributes,
    note: draft.note ?? '',
    createdBy: ctx.annotator,
    createdAt: draft.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
}

function findSpan(layer: Layer, id: SpanId, where: string): Span {
  const span = layer.spans.find((s) => s.id === id);
  if (span === undefined) throw new WorkbenchError('not-found', `${where}: span ${id} does not exist.`);
  return span;
}

function checkLabel(
  schema: LabelSchema,
  labelId: string,
  attributes: Record<string, string>,
  where: string,
): void {
  const label = schema.labels.find((l) => l.id === labelId);
  if (label === undefined) {
    const known = schema.labels.map((l) => l.id).join(', ');
    throw new WorkbenchError(
      'invalid-request',
      `${where}: unknown label "${labelId}" (the schema has ${known}).`,
    );
  }
  for (const [key, value] of Object.entries(attributes)) {
    const def = label.attributes.find((a) => a.id === key);
    if (def === undefined)
      throw new WorkbenchError('invalid-request', `${where}: "${label.name}" has no attribute "${key}".`);
    if (def.values.length > 0 && !def.values.includes(value)) {
      throw new WorkbenchError(
        'invalid-request',
        `${where}: "${value}" is not a value of ${label.name}.${def.name}.`,
      );
    }
  }
}
