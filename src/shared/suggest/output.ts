// Turns the suggester's proposals into its output (shared layer, pure): offsets widened so no span splits a
// surrogate pair, stable keys (`label:start:end`), quotes taken from the text, duplicates merged, spans in text
// order, relations between the final keys.
import { splitsSurrogatePair } from '../text/surrogates';
import type {
  Proposal,
  SuggestedRelation,
  SuggestedRelationType,
  SuggestedSpan,
  SuggestOutput,
} from './types';

export interface Link {
  type: SuggestedRelationType;
  from: Proposal;
  to: Proposal;
}

function safeRange(text: string, p: Proposal): [number, number] {
  const start = splitsSurrogatePair(text, p.start) ? p.start - 1 : p.start;
  const end = splitsSurrogatePair(text, p.end) ? p.end + 1 : p.end;
  return [start, end];
}

function keyOf(text: string, p: Proposal): string {
  const [start, end] = safeRange(text, p);
  return `${p.label}:${start}:${end}`;
}

export function toOutput(
  text: string,
  proposals: readonly Proposal[],
  links: readonly Link[],
): SuggestOutput {
  const spans = new Map<string, SuggestedSpan>();
  for (const p of proposals) {
    const [start, end] = safeRange(text, p);
    const key = keyOf(text, p);
    if (end <= start || spans.has(key)) continue;
    spans.set(key, { key, label: p.label, start, end, quote: text.slice(start, end), reason: p.reason });
  }
  const relations = new Map<string, SuggestedRelation>();
  for (const link of links) {
    const from = keyOf(text, link.from);
    const to = keyOf(text, link.to);
    if (!spans.has(from) || !spans.has(to)) continue;
    relations.set(`${link.type} ${from} ${to}`, { type: link.type, from, to });
  }
  const ordered = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  return { language: 'en', spans: ordered, relations: [...relations.values()] };
}
