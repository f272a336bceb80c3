// Who says a claim (shared layer, pure): the nearest actor before the claim's reporting verb in its sentence
// (outside any claim), else one just after the verb ("…,” said Erdogan", "According to the ministry,"), else,
// for "he/she/they said", the nearest actor before the sentence: the pronoun's likeliest antecedent.
import type { Analysis } from './analysis';
import type { ClaimProposal } from './claims';
import type { Proposal } from './types';

export interface ActorProposal extends Proposal {
  /** Found as a person (a name, a title with a name): the antecedent a "he" or "she" may point to. */
  person: boolean;
}

const PERSONAL = new Set(['he', 'she']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
/** How far after the verb an inverted speaker may stand: "said Turkish President Erdogan". */
const AFTER_WINDOW = 60;

function insideAny(span: Proposal, claims: readonly Proposal[]): boolean {
  return claims.some((c) => c.start <= span.start && span.end <= c.end);
}

/** The pronoun subject of the verb at token `verb`, if any: "He added", "he told reporters". */
function pronounSubject(analysis: Analysis, verb: number): string | null {
  let i = verb - 1;
  while (i >= 0 && analysis.tokens[i]!.pos === 'ADV') i--;
  const token = analysis.tokens[i];
  return token !== undefined && PRONOUNS.has(token.lower) ? token.lower : null;
}

export function speakerOf(
  analysis: Analysis,
  claim: ClaimProposal,
  actors: readonly ActorProposal[],
  claims: readonly Proposal[],
): ActorProposal | null {
  if (claim.verb === null) return null;
  const verb = analysis.tokens[claim.verb]!;
  const sentence = analysis.sentences[verb.sentence]!;
  const free = actors.filter((a) => !insideAny(a, claims) && a !== undefined);
  if (claim.kind !== 'according') {
    const before = free.filter((a) => a.start >= sentence.start && a.end <= verb.start);
    // "X urged Y to …, stating that …": a participle's speaker is the sentence's subject, its first actor.
    const participle = verb.lower.endsWith('ing') && analysis.tokens[claim.verb - 1]?.value === ',';
    const speaker = participle ? before[0] : before[before.length - 1];
    if (speaker !== undefined) return speaker;
  }
  const pronoun = claim.kind === 'according' ? null : pronounSubject(analysis, claim.verb);
  if (pronoun !== null) {
    const earlier = free.filter((a) => a.end <= sentence.start && (!PERSONAL.has(pronoun) || a.person));
    return earlier[earlier.length - 1] ?? null;
  }
  const after = free.find((a) => a.start >= verb.end && a.start <= verb.end + AFTER_WINDOW);
  const outside = after !== undefined && (after.end <= claim.start || after.start >= claim.end);
  return after !== undefined && (claim.kind === 'according' || outside) ? after : null;
}

const COORDINATION = /^(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)$/;

/** The speaker and the actors coordinated before it: "Kenya and Ethiopia … said" gives both. */
export function withCoSpeakers(
  text: string,
  speaker: ActorProposal,
  actors: readonly ActorProposal[],
): ActorProposal[] {
  const speakers = [speaker];
  let index = actors.indexOf(speaker);
  while (index > 0) {
    const previous = actors[index - 1]!;
    if (!COORDINATION.test(text.slice(previous.end, speakers[0]!.start))) break;
    speakers.unshift(previous);
    index--;
  }
  return speakers;
}
