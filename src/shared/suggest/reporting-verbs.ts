// Verbs and nouns that introduce reported speech, for the suggester (shared layer, pure): "stated that …",
// "insists that …", "expressed hope that …". Matched on wink's lemmas, so every tense counts.
import type { Token } from './analysis';

const REPORTING_VERBS = new Set([
  'say', 'state', 'add', 'tell', 'warn', 'insist', 'argue', 'claim', 'deny', 'estimate', 'announce',
  'expect', 'hope', 'respond', 'reply', 'write', 'stress', 'emphasize', 'emphasise', 'mention', 'clarify',
  'note', 'believe', 'confirm', 'predict', 'explain', 'assert', 'declare', 'report', 'reiterate',
  'acknowledge', 'admit', 'indicate', 'maintain', 'caution', 'promise', 'pledge', 'vow', 'threaten',
  'complain', 'concede', 'contend', 'allege', 'think', 'fear', 'recall', 'demand', 'urge', 'tweet',
  'post', 'signal', 'suggest', 'conclude', 'counter', 'observe', 'remark', 'underline', 'affirm',
]); // prettier-ignore

/** Nouns of stance that take a that-clause after a light verb: "expressed hope that", "voiced concern that". */
const REPORTING_NOUNS = new Set(['hope', 'belief', 'confidence', 'concern', 'fear', 'view', 'conviction']);

/** Verbs that introduce a clause without "that" when followed by a subject: "said the recount would…". */
const THAT_OPTIONAL = new Set(['say', 'tell', 'add', 'write', 'think', 'believe', 'estimate', 'warn']);

/** Forms that are verbs whatever the tagger says (it sometimes reads "says" as a plural noun). */
const ALWAYS_VERBS = new Set(['said', 'says', 'told', 'stated', 'added', 'insists', 'insisted', 'warned']);

export function isReportingVerb(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (ALWAYS_VERBS.has(token.lower)) return true;
  return token.pos === 'VERB' && REPORTING_VERBS.has(token.lemma);
}

export function isReportingNoun(token: Token | undefined): boolean {
  return token !== undefined && token.pos === 'NOUN' && REPORTING_NOUNS.has(token.lower);
}

export function allowsBareClause(token: Token): boolean {
  return THAT_OPTIONAL.has(token.lemma) || THAT_OPTIONAL.has(token.lower);
}
