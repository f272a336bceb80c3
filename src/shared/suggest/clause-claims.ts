// Claims whose reporting verb is not before them (shared layer, pure): "Norway and the United Kingdom failed to
// agree…, the Norwegian Fisheries Ministry said" and "According to the ministry, the British side refused…".
import type { Analysis, Token } from './analysis';
import { clauseFrom, OPENING_QUOTES, type ClaimProposal } from './claims';
import { isReportingVerb } from './reporting-verbs';
import { forEachToken, trimRange } from './token-search';

/** Longest subject between the comma and the verb: ", the Norwegian Fisheries Ministry said". */
const SUBJECT_WINDOW = 7;
const ACCORDING_WINDOW = 10;

function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX') return true;
  return false;
}

/** "<clause>, <subject> said": the comma before the subject of the reporting verb at `verb`, or -1. */
function commaBeforeSubject(tokens: readonly Token[], verb: number, sentenceFirst: number): number {
  for (let i = verb - 1; i > sentenceFirst && i >= verb - SUBJECT_WINDOW; i--) {
    const token = tokens[i]!;
    if (token.value === ',') return hasVerb(tokens, i + 1, verb - 1) ? -1 : i;
    if (token.pos === 'PUNCT') return -1;
  }
  return -1;
}

/** The verb is followed by "that" or a quotation in its sentence: what it reports comes after it. */
function introducesSomething(tokens: readonly Token[], verb: number): boolean {
  const sentence = tokens[verb]!.sentence;
  for (let i = verb + 1; i < tokens.length && tokens[i]!.sentence === sentence; i++) {
    if (tokens[i]!.lower === 'that' || OPENING_QUOTES.has(tokens[i]!.value)) return true;
  }
  return false;
}

function preposedClaim(analysis: Analysis, verb: number): ClaimProposal | null {
  const { tokens } = analysis;
  const { first } = analysis.sentences[tokens[verb]!.sentence]!;
  // "…, stating that": a participle has no subject of its own before it.
  if (tokens[verb]!.lower.endsWith('ing')) return null;
  const comma = commaBeforeSubject(tokens, verb, first);
  // A quotation before the comma is already a claim of its own; so is a clause with its own reporting verb.
  if (comma < 0 || OPENING_QUOTES.has(tokens[first]!.value) || tokens[comma - 1]?.pos === 'PUNCT')
    return null;
  if (!hasVerb(tokens, first, comma - 1) || tokens[first]!.lower === 'according') return null;
  // "Speaking in Cairo, Hassan added that …": an opening participle is no clause of its own.
  if (tokens[first]!.pos === 'VERB' && tokens[first]!.lower.endsWith('ing')) return null;
  if (introducesSomething(tokens, verb)) return null;
  for (let i = first; i < comma; i++) if (isReportingVerb(tokens[i])) return null;
  const range = trimRange(analysis.text, tokens[first]!.start, tokens[comma - 1]!.end);
  if (range === null) return null;
  const reason = `reporting verb '${tokens[verb]!.value}' after the clause`;
  return { label: 'claim', kind: 'preposed', start: range[0], end: range[1], reason, verb };
}

function accordingClaim(analysis: Analysis, according: number): ClaimProposal | null {
  const { tokens } = analysis;
  const last = analysis.sentences[tokens[according]!.sentence]!.last;
  if (tokens[according + 1]?.lower !== 'to') return null;
  let comma = according + 2;
  while (comma < Math.min(last, according + ACCORDING_WINDOW) && tokens[comma]!.value !== ',') comma++;
  if (tokens[comma]?.value !== ',') return null;
  const claim = clauseFrom(analysis, comma + 1, according, { kind: 'according', reason: "'according to'" });
  if (claim === null) return null;
  // The clause must say something itself, and not be a report of its own ("According to NTV, Erdogan told…").
  let end = comma + 1;
  while (end < last && tokens[end + 1]!.start < claim.end) end++;
  if (!hasVerb(tokens, comma + 1, end)) return null;
  for (let i = comma + 1; i <= end; i++) if (isReportingVerb(tokens[i])) return null;
  return claim;
}

export function clauseClaims(analysis: Analysis, sentences: readonly number[]): ClaimProposal[] {
  const { tokens } = analysis;
  const claims: ClaimProposal[] = [];
  forEachToken(analysis, sentences, (i, first) => {
    const starts = i === first || tokens[i - 1]!.value === ',';
    const claim =
      tokens[i]!.lower === 'according' && starts
        ? accordingClaim(analysis, i)
        : isReportingVerb(tokens[i])
          ? preposedClaim(analysis, i)
          : null;
    if (claim !== null) claims.push(claim);
  });
  return claims;
}
