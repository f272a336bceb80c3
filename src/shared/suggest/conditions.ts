// Condition proposals inside claims (shared layer, pure): "if …", "unless …", "provided that …", "as long as …",
// "without …", "as a precondition for …". A clause condition runs to the next comma or the claim's end; a
// phrase condition ("without Khartoum") stops before the claim's next verb ("…would be meaningless").
import type { Analysis, Token } from './analysis';
import { tokenAtOrAfter, trimRange } from './token-search';
import type { Proposal } from './types';

interface Signal {
  words: readonly string[];
  /** Phrase signals govern a noun phrase, clause signals a whole clause. */
  phrase: boolean;
}

const SIGNALS: readonly Signal[] = [
  { words: ['as', 'a', 'precondition', 'for'], phrase: true },
  { words: ['as', 'a', 'condition', 'for'], phrase: true },
  { words: ['on', 'condition', 'that'], phrase: false },
  { words: ['in', 'exchange', 'for'], phrase: true },
  { words: ['as', 'long', 'as'], phrase: false },
  { words: ['as', 'soon', 'as'], phrase: false },
  { words: ['provided', 'that'], phrase: false },
  { words: ['providing', 'that'], phrase: false },
  { words: ['if'], phrase: false },
  { words: ['unless'], phrase: false },
  { words: ['without'], phrase: true },
];
/** After these, a word the tagger calls a verb is a noun ("without our help"). */
const DETERMINERS = new Set(['our', 'its', 'their', 'his', 'her', 'my', 'your', 'the', 'a', 'an']);
/** Focus words kept with the signal: "only if", "even if". */
const FOCUS = new Set(['only', 'even']);

function signalAt(tokens: readonly Token[], i: number, last: number): Signal | null {
  for (const signal of SIGNALS) {
    if (i + signal.words.length - 1 > last) continue;
    if (signal.words.every((word, k) => tokens[i + k]!.lower === word)) return signal;
  }
  return null;
}

function conditionEnd(tokens: readonly Token[], from: number, last: number, phrase: boolean): number {
  let end = from;
  while (end < last) {
    const next = tokens[end + 1]!;
    if (next.value === ',' || next.value === ';' || signalAt(tokens, end + 1, last) !== null) break;
    const determined = DETERMINERS.has(tokens[end]!.lower) || tokens[end]!.pos === 'DET';
    if (phrase && (next.pos === 'VERB' || next.pos === 'AUX') && !determined) break;
    end++;
  }
  return end;
}

/** Conditions inside the claim [start, end): each remembers the claim it belongs to. */
export function conditionsIn(analysis: Analysis, claim: Proposal): Proposal[] {
  const { tokens, text } = analysis;
  const first = tokenAtOrAfter(tokens, claim.start);
  const last = tokenAtOrAfter(tokens, claim.end) - 1;
  const found: Proposal[] = [];
  for (let i = first; i <= last; i++) {
    const signal = signalAt(tokens, i, last);
    if (signal === null) continue;
    const from = i > first && FOCUS.has(tokens[i - 1]!.lower) ? i - 1 : i;
    const afterSignal = i + signal.words.length - 1;
    if (afterSignal >= last) continue;
    const end = conditionEnd(tokens, afterSignal, last, signal.phrase);
    const range = trimRange(text, tokens[from]!.start, Math.min(tokens[end]!.end, claim.end));
    if (range === null || (range[0] === claim.start && range[1] === claim.end)) continue;
    const cue = signal.words.join(' ');
    found.push({ label: 'condition', start: range[0], end: range[1], reason: `conditional '${cue}'` });
    i = end;
  }
  return found;
}
