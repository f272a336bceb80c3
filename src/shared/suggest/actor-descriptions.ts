// Actors named by a description rather than a name (shared layer, pure): "the ministry", "the army", "the
// Turkish minister", "the Syrian government". The guidelines tag them without "the" when they refer to one
// specific organisation or person; a description is recognised by its head, an office or organisation word.
import type { Analysis, Token } from './analysis';
import { isNameKind, isOrganisationWord } from './lexicon';
import { isCapitalisedWord } from './name-runs';
import type { Proposal } from './types';

/** Person nouns in the lexicon's list that never describe one specific actor. */
const GENERIC = new Set(['people', 'person', 'public', 'man', 'woman', 'child', 'world', 'citizen', 'voter']);

function isHead(token: Token | undefined): boolean {
  if (token === undefined || token.pos !== 'NOUN' || isCapitalisedWord(token) || GENERIC.has(token.lower)) {
    return false;
  }
  return isOrganisationWord(token.lower) || (isNameKind(token.lower, 'title') && token.lemma === token.lower);
}

/** A capitalised word that may stand between "the" and the head: a demonym or an acronym ("the UN mission"). */
function isModifier(token: Token | undefined): boolean {
  return token !== undefined && isCapitalisedWord(token) && token.pos !== 'VERB';
}

export function describedActors(analysis: Analysis, sentences: readonly number[]): Proposal[] {
  const { tokens } = analysis;
  const proposals: Proposal[] = [];
  for (const index of sentences) {
    const sentence = analysis.sentences[index]!;
    for (let i = sentence.first; i < sentence.last; i++) {
      if (tokens[i]!.lower !== 'the') continue;
      let head: number;
      if (isHead(tokens[i + 1])) head = i + 1;
      else if (isModifier(tokens[i + 1]) && isHead(tokens[i + 2])) head = i + 2;
      else continue;
      const first = i + 1;
      // "the union leader": the description goes on, and its real head is not an actor word.
      if (tokens[head + 1]?.pos === 'NOUN') continue;
      // "The Chinese operator, Harbor Link Group,": the name that follows is the actor to tag.
      if (tokens[head + 1]?.value === ',' && isCapitalisedWord(tokens[head + 2])) continue;
      const text = analysis.text.slice(tokens[first]!.start, tokens[head]!.end);
      proposals.push({
        label: 'actor',
        start: tokens[first]!.start,
        end: tokens[head]!.end,
        reason: `description 'the ${text}'`,
      });
    }
  }
  return proposals;
}
