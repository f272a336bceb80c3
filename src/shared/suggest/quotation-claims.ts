// Quotations as claims (shared layer, pure): a quotation is a claim when it is a clause of its own (it has a
// verb and is introduced by a reporting verb, a colon, a comma or "that"); a phrase quoted inside the writer's
// sentence ("dismissed the accusations as “theatre for foreign cameras”") is not.
import type { Analysis, Token } from './analysis';
import type { ClaimProposal } from './claims';
import type { Quotation } from './quotations';
import { isReportingVerb } from './reporting-verbs';
import { tokenAtOrAfter, trimRange } from './token-search';

const INTRODUCERS = new Set([',', ':', 'that']);
const LOWERCASE_START = /^\p{Ll}/u;
/** How many tokens after a closing mark the reporting verb may come: “…,” Turkish President Erdogan said. */
const VERB_AFTER_WINDOW = 8;

function verbBefore(tokens: readonly Token[], open: number): number | null {
  const sentence = tokens[open]?.sentence;
  for (let i = open - 1; i >= 0 && tokens[i]!.sentence === sentence; i--) {
    if (isReportingVerb(tokens[i])) return i;
  }
  return null;
}

function verbAfter(tokens: readonly Token[], close: number): number | null {
  for (let i = close + 1; i < Math.min(tokens.length, close + VERB_AFTER_WINDOW); i++) {
    const token = tokens[i]!;
    if (token.value === '.' || token.value === '“' || token.value === '"') return null;
    if (isReportingVerb(token)) return i;
  }
  return null;
}

function isClause(words: readonly Token[]): boolean {
  return words.length >= 3 && words.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

function quotationClaim(analysis: Analysis, quotation: Quotation): ClaimProposal | null {
  const { tokens, text } = analysis;
  const range = trimRange(text, quotation.open + 1, quotation.close);
  if (range === null) return null;
  const open = tokenAtOrAfter(tokens, quotation.open);
  const close = tokenAtOrAfter(tokens, quotation.close);
  const words = tokens.slice(open + 1, close).filter((t) => t.pos !== 'PUNCT');
  if (!isClause(words)) return null;
  const before = tokens[open - 1];
  const introduced = before !== undefined && (INTRODUCERS.has(before.lower) || isReportingVerb(before));
  if (!introduced && LOWERCASE_START.test(words[0]!.value)) return null;
  const verb = introduced
    ? (verbBefore(tokens, open) ?? verbAfter(tokens, close))
    : (verbAfter(tokens, close) ?? verbBefore(tokens, open));
  return {
    label: 'claim',
    kind: 'quotation',
    start: range[0],
    end: range[1],
    reason: 'quotation',
    verb,
    quotation,
  };
}

/** Claims from the quotations whose opening mark lies in a readable sentence. */
export function quotationClaims(
  analysis: Analysis,
  quotations: readonly Quotation[],
  readable: ReadonlySet<number>,
): ClaimProposal[] {
  const claims: ClaimProposal[] = [];
  for (const quotation of quotations) {
    const open = analysis.tokens[tokenAtOrAfter(analysis.tokens, quotation.open)];
    if (open === undefined || !readable.has(open.sentence)) continue;
    const claim = quotationClaim(analysis, quotation);
    if (claim !== null) claims.push(claim);
  }
  return claims;
}
