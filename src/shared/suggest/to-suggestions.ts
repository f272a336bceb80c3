// The suggester's output as the workbench's suggestions (shared layer, pure): only labels and relation types
// the workspace's schema knows, never over the analyst's own spans of the same label, never what they turned
// down, and each proposed link carried by both of its ends, so accepting the second end (or accepting one
// whose other end is tagged already with the same offsets) creates the link too.
import {
  coveredBy,
  isRejected,
  suggestionKey,
  type LabelSchema,
  type OccurrenceContext,
  type SuggestedLink,
  type Suggestion,
} from '../model';
import type { SuggestOutput } from './types';

/** What the suggestions are weighed against: the layer they would go into and the schema. */
export type MachineContext = Omit<OccurrenceContext, 'text'> & { schema: LabelSchema };

/** True when the schema allows `type` from a span labelled `from` to one labelled `to`. */
function linkAllowed(schema: LabelSchema, type: string, from: string, to: string): boolean {
  const def = schema.relationTypes.find((r) => r.id === type);
  return def !== undefined && def.from.includes(from) && def.to.includes(to);
}

export function machineSuggestions(output: SuggestOutput, ctx: MachineContext): Suggestion[] {
  const labels = new Set(ctx.schema.labels.map((l) => l.id));
  const kept = new Map<string, Suggestion>();
  for (const span of output.spans) {
    if (!labels.has(span.label) || coveredBy(ctx.spans, span)) continue;
    if (isRejected(ctx.rejected, ctx.layer, span)) continue;
    const key = suggestionKey(span.label, span.start, span.end);
    kept.set(key, {
      key,
      label: span.label,
      start: span.start,
      end: span.end,
      quote: span.quote,
      reason: span.reason,
    });
  }
  // An end may also be one of the analyst's spans with exactly the proposed offsets.
  const ownLabels = new Map(ctx.spans.map((s) => [suggestionKey(s.label, s.start, s.end), s.label]));
  const labelOf = (key: string) => kept.get(key)?.label ?? ownLabels.get(key);
  for (const relation of output.relations) {
    const fromLabel = labelOf(relation.from);
    const toLabel = labelOf(relation.to);
    if (fromLabel === undefined || toLabel === undefined) continue;
    if (!linkAllowed(ctx.schema, relation.type, fromLabel, toLabel)) continue;
    const link: SuggestedLink = { type: relation.type, from: relation.from, to: relation.to };
    for (const end of [kept.get(relation.from), kept.get(relation.to)]) {
      if (end !== undefined) end.relations = [...(end.relations ?? []), link];
    }
  }
  return [...kept.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
