// Mentions of actors already tagged in the workspace (shared layer, pure): every whole-word occurrence of a
// known actor's name or alias, matched exactly or ignoring case, becomes an actor proposal. Matching runs on
// the text as it is (a case-insensitive regular expression), so offsets never shift and nothing is normalised.
import type { KnownActor, Proposal } from './types';

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
/** Letters, marks and digits: a match must not start or end inside a word ("Iran" is not found in "Iranian"). */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

interface Pattern {
  regex: RegExp;
  /** Lower-cased name or alias → the actor's name, for the reason shown to the analyst. */
  owner: Map<string, string>;
}

function compile(actors: readonly KnownActor[]): Pattern | null {
  const owner = new Map<string, string>();
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      const trimmed = name.trim();
      if (trimmed.length < 2 || owner.has(trimmed.toLowerCase())) continue;
      owner.set(trimmed.toLowerCase(), actor.name.trim());
    }
  }
  if (owner.size === 0) return null;
  // Longest first, so "Bashar al-Assad" wins over "Assad" where both match at the same place.
  const names = [...owner.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(SPECIAL, '\\$&'));
  const regex = new RegExp(`(?<!${WORD_CHAR})(?:${names.join('|')})(?!${WORD_CHAR})`, 'giu');
  return { regex, owner };
}

export function knownActorMentions(text: string, actors: readonly KnownActor[]): Proposal[] {
  const pattern = compile(actors);
  if (pattern === null) return [];
  const proposals: Proposal[] = [];
  for (const match of text.matchAll(pattern.regex)) {
    const found = match[0];
    const name = pattern.owner.get(found.toLowerCase()) ?? found;
    const how = name === found ? '' : ` as '${found}'`;
    proposals.push({
      label: 'actor',
      start: match.index,
      end: match.index + found.length,
      reason: `known actor '${name}'${how}`,
    });
  }
  return proposals;
}
