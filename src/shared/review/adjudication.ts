// Adjudication into the gold layer (shared layer, pure): the items a compare of two layers yields (a matching
// pair, a boundary or label mismatch, a span only one layer has), which of them are settled (every span of
// the item accepted into gold — named by gold's provenance — or rejected), and the operations that accept
// spans into gold with their provenance, bringing along the relations whose two ends are then in gold.
import { compareLayers, type ComparisonClass } from '../agreement';
import {
  type AnnotationOp,
  type AnnotatorId,
  type Layer,
  type LayerId,
  type Provenance,
  type RelationId,
  type ReviewRejection,
  type Span,
  type SpanId,
} from '../model';

/** One thing to decide: a pair (match, boundary, label) or a lone span (only-a, only-b). */
export interface ReviewItem {
  kind: ComparisonClass;
  a: Span | null;
  b: Span | null;
  start: number;
  end: number;
}

export const proposalKey = (layer: string, id: string) => `${layer}\u0000${id}`;

/** The pairs and lone spans of two layers, in text order. */
export function reviewItems(a: Layer, b: Layer): ReviewItem[] {
  const byIdA = new Map(a.spans.map((s) => [s.id as string, s]));
  const byIdB = new Map(b.spans.map((s) => [s.id as string, s]));
  const items: ReviewItem[] = [];
  for (const compared of compareLayers(a, b)) {
    if (compared.side === 'b' && compared.counterpart !== null) continue; // pairs are listed once, from A
    const spanA =
      compared.side === 'a'
        ? byIdA.get(compared.span.id)!
        : compared.counterpart === null
          ? null
          : byIdA.get(compared.counterpart.id)!;
    const spanB =
      compared.side === 'b'
        ? byIdB.get(compared.span.id)!
        : compared.counterpart === null
          ? null
          : byIdB.get(compared.counterpart.id)!;
    const spans = [spanA, spanB].filter((s): s is Span => s !== null);
    items.push({
      kind: compared.class,
      a: spanA,
      b: spanB,
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
    });
  }
  return items;
}

/** Proposals already decided: accepted (a gold span names them as a source) or rejected. */
export function decidedProposals(
  gold: Layer | undefined,
  rejections: readonly ReviewRejection[],
): Set<string> {
  const decided = new Set<string>();
  for (const span of gold?.spans ?? []) {
    for (const source of span.provenance?.sources ?? []) decided.add(proposalKey(source.layer, source.id));
  }
  for (const rejection of rejections) decided.add(proposalKey(rejection.layer, rejection.id));
  return decided;
}

export function isSettled(
  item: ReviewItem,
  layers: { a: LayerId; b: LayerId },
  decided: ReadonlySet<string>,
): boolean {
  return (
    (item.a === null || decided.has(proposalKey(layers.a, item.a.id))) &&
    (item.b === null || decided.has(proposalKey(layers.b, item.b.id)))
  );
}

export interface AcceptContext {
  gold: Layer;
  /** The layers the proposals come from, by layer id. */
  sources: ReadonlyMap<LayerId, Layer>;
  decidedBy: AnnotatorId;
  decidedAt: string;
  reason: string;
  /** Makes fresh ids for gold spans and relations. */
  newId: (kind: 'span' | 'relation') => string;
}

/**
 * The ops that put `spans` (each with the layer it comes from) into gold: spans of the same label and extent
 * become one gold span with all of them as sources ("merged"); a gold span already there with that label and
 * extent gains the sources instead of being doubled. Relations of the source layers whose two ends end up in
 * gold come along, with provenance.
 */
export function acceptOps(
  spans: readonly { layer: LayerId; span: Span }[],
  decision: Provenance['decision'],
  ctx: AcceptContext,
): AnnotationOp[] {
  const ops: AnnotationOp[] = [];
  const goldOf = new Map<string, SpanId>();
  const groups = new Map<string, { layer: LayerId; span: Span }[]>();
  for (const entry of spans) {
    const key = `${entry.span.label}:${entry.span.start}:${entry.span.end}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const group of groups.values()) {
    const first = group[0]!.span;
    const sources = group.map(({ layer, span }) => ({ layer, id: span.id }));
    const existing = ctx.gold.spans.find(
      (g) => g.label === first.label && g.start === first.start && g.end === first.end,
    );
    const provenance: Provenance = {
      sources: [...(existing?.provenance?.sources ?? []), ...sources],
      decision: existing !== undefined || group.length > 1 ? 'merged' : decision,
      decidedBy: ctx.decidedBy,
      decidedAt: ctx.decidedAt,
      reason: ctx.reason,
    };
    if (existing !== undefined) {
      ops.push({ kind: 'update-span', spanId: existing.id, changes: { provenance } });
      for (const { layer, span } of group) goldOf.set(proposalKey(layer, span.id), existing.id);
      continue;
    }
    const id = ctx.newId('span') as SpanId;
    ops.push({
      kind: 'add-span',
      span: {
        id,
        label: first.label,
        start: first.start,
        end: first.end,
        note: first.note,
        attributes: first.attributes,
        provenance,
      },
    });
    for (const { layer, span } of group) goldOf.set(proposalKey(layer, span.id), id);
  }
  // Gold spans that already stood for a source span (earlier decisions) count as ends too.
  for (const span of ctx.gold.spans) {
    for (const source of span.provenance?.sources ?? [])
      goldOf.set(proposalKey(source.layer, source.id), span.id);
  }
  const have = new Set(ctx.gold.relations.map((r) => `${r.type}:${r.from}:${r.to}`));
  for (const [layer, source] of ctx.sources) {
    for (const relation of source.relations) {
      const from = goldOf.get(proposalKey(layer, relation.from));
      const to = goldOf.get(proposalKey(layer, relation.to));
      const key = `${relation.type}:${from}:${to}`;
      if (from === undefined || to === undefined || have.has(key)) continue;
      have.add(key);
      ops.push({
        kind: 'add-relation',
        relation: {
          id: ctx.newId('relation') as RelationId,
          type: relation.type,
          from,
          to,
          note: relation.note,
          provenance: {
            sources: [{ layer, id: relation.id }],
            decision: 'accepted',
            decidedBy: ctx.decidedBy,
            decidedAt: ctx.decidedAt,
            reason: ctx.reason,
          },
        },
      });
    }
  }
  return ops;
}
