// Runs of capitalised words that may name an actor, for the suggester (shared layer, pure): "Turkish Defense
// Minister Yaşar Güler", "Central Bank of Turkey", "Bashar al-Assad", "Georgia’s Central Election Commission".
// actors.ts decides what each run is; this module only finds where runs begin and end.
import type { Analysis, Token } from './analysis';
import { isNameKind, isOrganisationWord } from './lexicon';

/** Token index range, both ends inclusive. */
export interface TokenRun {
  first: number;
  last: number;
}

const CAPITALISED = /^\p{Lu}/u;
const CONNECTORS = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'du',
  'da',
]);
const CONNECTORS_AND_OF = new Set([...CONNECTORS, 'of']);
const STATE_HEADS = new Set(['kingdom', 'republic', 'state', 'states', 'emirate', 'federation']);
const POSSESSIVE = new Set(['’s', "'s"]);
/** Parts of speech that cannot begin or end a name, even when capitalised at the start of a sentence. */
const NOT_NAME_POS = new Set(['DET', 'ADP', 'ADV', 'PRON', 'SCONJ', 'CCONJ', 'VERB', 'AUX', 'PART', 'NUM']);

export function isCapitalisedWord(token: Token | undefined): boolean {
  return token !== undefined && token.pos !== 'PUNCT' && CAPITALISED.test(token.value);
}

export function isConnector(token: Token): boolean {
  return CONNECTORS_AND_OF.has(token.lower);
}

/** Whether token `next` carries a run on from token `next - 1` (nothing but a name can follow it). */
function continues(tokens: readonly Token[], next: number): boolean {
  const token = tokens[next];
  const previous = tokens[next - 1];
  const after = tokens[next + 1];
  if (token === undefined || previous === undefined || previous.sentence !== token.sentence) return false;
  if (isCapitalisedWord(token)) return true;
  const tight = previous.end === token.start && after !== undefined && token.end === after.start;
  if (token.value === '-') return tight && (isCapitalisedWord(after) || CONNECTORS.has(after?.lower ?? ''));
  if (!isCapitalisedWord(after) && after?.value !== '-') return false;
  if (CONNECTORS.has(token.lower)) return true;
  // "of" only after the head of an organisation's name: "Central Bank of Turkey", "Republic of Korea".
  if (token.lower === 'of') return isOrganisationWord(previous.lower) || STATE_HEADS.has(previous.lower);
  if (POSSESSIVE.has(token.value)) return true;
  // A lowercase office between an organisation and a name: "Opposition leader Giorgi Beridze".
  return token.pos === 'NOUN' && isNameKind(token.lower, 'title');
}

function trim(tokens: readonly Token[], run: TokenRun, sentenceFirst: number): TokenRun | null {
  let { first, last } = run;
  const weak = (i: number): boolean => {
    const token = tokens[i]!;
    if (NOT_NAME_POS.has(token.pos) && !(token.pos === 'PART' && POSSESSIVE.has(token.value))) return true;
    return isConnector(token) || token.value === '-' || POSSESSIVE.has(token.value);
  };
  // Only a sentence's first word is capitalised by grammar rather than by being a name.
  while (first <= last && (weak(first) || (first === sentenceFirst && tokens[first]!.pos === 'ADJ'))) first++;
  while (last >= first && weak(last)) last--;
  return first <= last ? { first, last } : null;
}

/** Every run of capitalised words in the given sentences, trimmed of function words at its edges. */
export function nameRuns(analysis: Analysis, sentences: readonly number[]): TokenRun[] {
  const { tokens } = analysis;
  const runs: TokenRun[] = [];
  for (const index of sentences) {
    const sentence = analysis.sentences[index]!;
    let i = sentence.first;
    while (i <= sentence.last) {
      if (!isCapitalisedWord(tokens[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < sentence.last && continues(tokens, j + 1)) j++;
      const run = trim(tokens, { first: i, last: j }, sentence.first);
      if (run !== null) runs.push(run);
      i = j + 1;
    }
  }
  return runs;
}
