// Suggestions (shared layer, pure): spans proposed to the analyst, never tagged without their say. The type is
// the same whatever proposes them (the analyst's own tags today, a machine suggester later), so the store,
// the drawing and the accept/reject keys never ask where a suggestion came from. A suggestion's key is
// `label:start:end`, so the same proposal is recognised again and a rejected one is not offered twice.
import { wholeWordOccurrences } from '../text/occurrences';
import type { RejectedSuggestion, Span } from './document';

export interface SuggestedLink {
  type: string;
  /** Suggestion keys (`label:start:end`); an end may also be the key of a span that exists already. */
  from: string;
  to: string;
}

export interface Suggestion {
  key: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  /** Why it is proposed, in words for the analyst: "“Damascus” is tagged as Actor elsewhere". */
  reason: string;
  relations?: SuggestedLink[];
}

export function suggestionKey(label: string, start: number, end: number): string {
  return `${label}:${start}:${end}`;
}

/** At most this many suggestions of one text in one document, so a tagged common word cannot flood the view. */
export const MAX_OCCURRENCE_SUGGESTIONS = 200;

/** A text worth looking for elsewhere: at least two characters, one of them a letter or digit. */
export function isSuggestible(quote: string): boolean {
  return quote.trim().length >= 2 && /[\p{L}\p{N}]/u.test(quote);
}

/** True when a span of the same label covers any part of the range (it is tagged already, or nearly). */
export function coveredBy(
  spans: readonly Pick<Span, 'label' | 'start' | 'end'>[],
  s: Pick<Suggestion, 'label' | 'start' | 'end'>,
): boolean {
  return spans.some((span) => span.label === s.label && span.start < s.end && s.start < span.end);
}

type Range = Pick<Suggestion, 'label' | 'start' | 'end'>;

/**
 * The ranges that no span of their label overlaps (`coveredBy` false), in their order. One pass over the
 * spans and a sort, not a pass per range: a tagged common word has thousands of occurrences in a long
 * document, and the layer may hold 50,000 spans. A span [a, b) overlaps [s, e) when a < e and s < b, so with
 * the spans taken in start order up to e, the largest end among them decides.
 */
export function uncovered<T extends Range>(spans: readonly Range[], ranges: readonly T[]): T[] {
  const labels = new Set(ranges.map((r) => r.label));
  const byLabel = new Map<string, Range[]>();
  for (const span of spans) {
    if (!labels.has(span.label)) continue;
    const list = byLabel.get(span.label) ?? [];
    list.push(span);
    byLabel.set(span.label, list);
  }
  for (const list of byLabel.values()) list.sort((a, b) => a.start - b.start);
  const sweep = new Map<string, { next: number; maxEnd: number }>();
  const covered = new Set<number>();
  const byEnd = ranges.map((_, i) => i).sort((i, j) => ranges[i]!.end - ranges[j]!.end);
  for (const i of byEnd) {
    const range = ranges[i]!;
    const list = byLabel.get(range.label) ?? [];
    const at = sweep.get(range.label) ?? { next: 0, maxEnd: -Infinity };
    for (; at.next < list.length && list[at.next]!.start < range.end; at.next++)
      at.maxEnd = Math.max(at.maxEnd, list[at.next]!.end);
    sweep.set(range.label, at);
    if (at.maxEnd > range.start) covered.add(i);
  }
  return ranges.filter((_, i) => !covered.has(i));
}

export function isRejected(
  rejected: readonly RejectedSuggestion[],
  layer: string,
  s: Pick<Suggestion, 'label' | 'start' | 'end'>,
): boolean {
  return rejected.some(
    (r) => r.layer === layer && r.label === s.label && r.start === s.start && r.end === s.end,
  );
}

export interface OccurrenceContext {
  text: string;
  /** The spans of the analyst's layer: an occurrence one of them covers (same label) is not proposed. */
  spans: readonly Pick<Span, 'label' | 'start' | 'end'>[];
  rejected: readonly RejectedSuggestion[];
  layer: string;
}

/** The other whole-word occurrences of a tagged text, as suggestions of the same label. */
export function occurrenceSuggestions(
  tagged: { label: string; quote: string; labelName: string },
  ctx: OccurrenceContext,
): Suggestion[] {
  if (!isSuggestible(tagged.quote)) return [];
  const reason = `“${tagged.quote}” is tagged as ${tagged.labelName} elsewhere`;
  const occurrences = wholeWordOccurrences(ctx.text, tagged.quote).map((r) => ({
    ...r,
    label: tagged.label,
  }));
  return uncovered(ctx.spans, occurrences)
    .filter((s) => !isRejected(ctx.rejected, ctx.layer, s))
    .slice(0, MAX_OCCURRENCE_SUGGESTIONS)
    .map((s) => ({ ...s, key: suggestionKey(s.label, s.start, s.end), quote: tagged.quote, reason }));
}

/**
 * Ranges found another way (the hits of a text search), as suggestions of `label`: the ones `ctx` shows tagged
 * with that label or turned down are left out, like a tag's occurrences.
 */
export function rangeSuggestions(
  ranges: readonly { start: number; end: number; quote: string }[],
  label: string,
  reason: string,
  ctx: Omit<OccurrenceContext, 'text'>,
): Suggestion[] {
  const labelled = ranges.filter((r) => r.end > r.start).map((range) => ({ ...range, label }));
  return uncovered(ctx.spans, labelled)
    .filter((s) => !isRejected(ctx.rejected, ctx.layer, s))
    .map((s) => ({ ...s, key: suggestionKey(label, s.start, s.end), reason }));
}
