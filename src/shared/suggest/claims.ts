// Claim proposals (shared layer, pure): reported speech, as quotations that are clauses of their own and as
// the complements of reporting verbs ("stated that …", "insists that …", "expressed hope that …"), plus a
// clause before ", X said" and after "According to X,". Each claim remembers the token of its reporting verb,
// so speakers.ts can find who says it.
import type { Analysis, Token } from './analysis';
import type { Quotation } from './quotations';
import { allowsBareClause, isReportingNoun, isReportingVerb } from './reporting-verbs';
import { forEachToken, tokenAtOrAfter, trimRange } from './token-search';
import type { Proposal } from './types';

export interface ClaimProposal extends Proposal {
  /** How it was found: a quotation, a verb's complement, a clause before ", X said", or "According to X,". */
  kind: 'quotation' | 'complement' | 'preposed' | 'according';
  /** Token index of the reporting verb (or of "According"); null when none was found. */
  verb: number | null;
  /** Where the quotation marks were, for quotation claims. */
  quotation?: Quotation;
}

export const OPENING_QUOTES = new Set(['“', '"', '«']);
/** Words after a comma that start a new clause of the writer's, ending the reported one. */
const CLAUSE_BREAKS = new Set(['but', 'while', 'whereas', 'though', 'although', 'which']);
/** How far after a reporting verb its "that" may come: "told reporters on his return flight from Kazan… that". */
const THAT_WINDOW = 30;

/** Does the reported clause end before token i? */
function endsBefore(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.value === ';') return true;
  const next = tokens[i + 1];
  const link = token.value === ',' || token.pos === 'CCONJ';
  if (!link || next === undefined) return false;
  if (next.lower === 'that' || isReportingVerb(next)) return true;
  if (next.pos === 'PRON' && isReportingVerb(tokens[i + 2])) return true;
  // "… and expressed hope that …": a second reported clause with its own verb.
  const second = tokens[i + 2];
  if ((isReportingNoun(second) || isReportingVerb(second)) && tokens[i + 3]?.lower === 'that') return true;
  if (token.value !== ',') return next.pos === 'CCONJ' && tokens[i + 2]?.lower === 'that';
  return CLAUSE_BREAKS.has(next.lower) || (next.pos === 'VERB' && next.lower.endsWith('ing'));
}

/** The claim that runs from token `first` to the end of its clause (at the latest, the sentence's end). */
export function clauseFrom(
  analysis: Analysis,
  first: number,
  verb: number,
  found: Pick<ClaimProposal, 'kind' | 'reason'>,
): ClaimProposal | null {
  const { tokens } = analysis;
  const start = tokens[first];
  if (start === undefined || start.sentence !== tokens[verb]?.sentence) return null;
  const last = analysis.sentences[start.sentence]!.last;
  let end = first;
  while (end < last && !endsBefore(tokens, end + 1)) end++;
  const range = trimRange(analysis.text, start.start, tokens[end]!.end);
  return range === null ? null : { label: 'claim', start: range[0], end: range[1], verb, ...found };
}

/** Index of the "that" opening the complement of the reporting word at `verb`, or -1. */
function thatAfter(tokens: readonly Token[], verb: number): number {
  const last = tokens[verb]!.sentence;
  for (let i = verb + 1; i < Math.min(tokens.length, verb + THAT_WINDOW); i++) {
    const token = tokens[i]!;
    if (token.sentence !== last || OPENING_QUOTES.has(token.value) || token.value === ';') return -1;
    if (token.lower === 'that') return i;
    if (isReportingVerb(token)) return -1;
  }
  return -1;
}

/** "said the recount would…": a subject and a finite verb straight after the reporting verb, without "that". */
function bareClauseStart(tokens: readonly Token[], verb: number): number {
  const next = tokens[verb + 1];
  if (next === undefined || !allowsBareClause(tokens[verb]!)) return -1;
  if (!['DET', 'PRON', 'PROPN', 'NOUN', 'NUM'].includes(next.pos) || next.lower === 'that') return -1;
  for (let i = verb + 2; i < Math.min(tokens.length, verb + 8); i++) {
    const token = tokens[i]!;
    if (OPENING_QUOTES.has(token.value)) continue;
    if (token.pos === 'PUNCT' || token.sentence !== next.sentence || token.lower === 'that') return -1;
    if (token.pos === 'AUX' || token.pos === 'VERB') return verb + 1;
  }
  return -1;
}

/** A complement and the ones joined to it: "said A and that B" gives A and B, both said by the same verb. */
function clauseChain(analysis: Analysis, start: number, verb: number, reason: string): ClaimProposal[] {
  const { tokens } = analysis;
  const claims: ClaimProposal[] = [];
  let first = start;
  while (first >= 0) {
    const claim = clauseFrom(analysis, first, verb, { kind: 'complement', reason });
    if (claim === null) break;
    claims.push(claim);
    let next = tokenAtOrAfter(tokens, claim.end);
    while (tokens[next] !== undefined && (tokens[next]!.value === ',' || tokens[next]!.pos === 'PUNCT'))
      next++;
    const joined = tokens[next]?.lower === 'and' && tokens[next + 1]?.lower === 'that';
    first = joined && !OPENING_QUOTES.has(tokens[next + 2]?.value ?? '“') ? next + 2 : -1;
  }
  return claims;
}

/** Claims after reporting verbs and after "expressed hope that"-style nouns, in the given sentences. */
export function complementClaims(analysis: Analysis, sentences: readonly number[]): ClaimProposal[] {
  const { tokens } = analysis;
  const claims: ClaimProposal[] = [];
  forEachToken(analysis, sentences, (i, first, last) => {
    const noun = isReportingNoun(tokens[i]) && tokens[i + 1]?.lower === 'that';
    if (!noun && !isReportingVerb(tokens[i])) return;
    const bare = noun ? -1 : bareClauseStart(tokens, i);
    const that = noun ? i + 1 : bare >= 0 ? -1 : thatAfter(tokens, i);
    const start = bare >= 0 ? bare : that >= 0 ? that + 1 : -1;
    if (start < 0 || start > last || OPENING_QUOTES.has(tokens[start]!.value)) return;
    const cue = that >= 0 ? `${tokens[i]!.value} that` : tokens[i]!.value;
    const verb = noun ? Math.max(first, i - 1) : i;
    const reason = `reporting ${noun ? 'noun' : 'verb'} '${cue}'`;
    claims.push(...clauseChain(analysis, start, verb, reason));
  });
  return claims;
}
