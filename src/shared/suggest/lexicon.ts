// What kind of name a word or phrase is, for the suggester (shared layer, pure). The word lists come from
// compromise's English lexicon (countries, cities, demonyms, first names, organisations, titles), which ships
// inside the npm package; only `compromise/two` is loaded, never its slower sentence parser. A few entries the
// lexicon lacks for news about states (envoy, governor, Turkish…) are added here.
import nlp from 'compromise/two';

export type NameKind =
  | 'country'
  | 'city'
  | 'region'
  | 'demonym'
  | 'organization'
  | 'title'
  | 'honorific'
  | 'first-name'
  | 'last-name'
  | 'person'
  | 'date';

const KIND_OF_TAG: ReadonlyMap<string, NameKind> = new Map([
  ['Country', 'country'],
  ['City', 'city'],
  ['Region', 'region'],
  ['Demonym', 'demonym'],
  ['Organization', 'organization'],
  ['Actor', 'title'],
  ['Honorific', 'honorific'],
  ['MaleName', 'first-name'],
  ['FemaleName', 'first-name'],
  ['FirstName', 'first-name'],
  ['LastName', 'last-name'],
  ['Person', 'person'],
  ['Month', 'date'],
  ['WeekDay', 'date'],
  ['Date', 'date'],
]);

/** Titles and demonyms of diplomatic news that compromise's lexicon does not list. */
const EXTRA: readonly [NameKind, readonly string[]][] = [
  [
    'title',
    ['envoy', 'governor', 'spokesman', 'spokeswoman', 'ambassador', 'senator', 'premier', 'chair', 'chief'],
  ],
  ['title', ['king', 'emir', 'sheikh', 'negotiator', 'mediator', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.']],
  [
    'demonym',
    ['turkish', 'british', 'kurdish', 'polish', 'spanish', 'danish', 'finnish', 'irish', 'swedish'],
  ],
  ['demonym', ['arab', 'gulf', 'western', 'palestinian', 'israeli', 'saudi', 'emirati', 'norwegian']],
  ['date', ['march', 'may']],
];

/** Heads of organisation names and descriptions ("Syrian National Army", "the ministry"). */
const EXTRA_ORG_WORDS = ['regime', 'ministry', 'parliament', 'cabinet', 'mission', 'delegation', 'alliance'];
const MORE_ORG_WORDS = ['party', 'forces', 'front', 'bloc', 'units', 'group', 'federation', 'operator'];

interface Lexicon {
  kinds: Map<string, Set<NameKind>>;
  orgWords: Set<string>;
}

let lexicon: Lexicon | null = null;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Reads compromise's model once; its shape is checked rather than trusted (its typings say `object`). */
function load(): Lexicon {
  const model = record(nlp.model());
  const words = record(record(model['one'])['lexicon']);
  const kinds = new Map<string, Set<NameKind>>();
  const add = (word: string, kind: NameKind): void => {
    const set = kinds.get(word) ?? new Set<NameKind>();
    set.add(kind);
    kinds.set(word, set);
  };
  for (const [word, tags] of Object.entries(words)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = typeof tag === 'string' ? KIND_OF_TAG.get(tag) : undefined;
      if (kind !== undefined) add(word, kind);
    }
  }
  for (const [kind, list] of EXTRA) for (const word of list) add(word, kind);
  const orgWords = new Set(Object.keys(record(record(model['two'])['orgWords'])));
  for (const word of [...EXTRA_ORG_WORDS, ...MORE_ORG_WORDS]) orgWords.add(word);
  return { kinds, orgWords };
}

function loaded(): Lexicon {
  lexicon ??= load();
  return lexicon;
}

const MARKS = /\p{M}/gu;
const APOSTROPHE = /’/g;

/** The lexicon's key for a phrase: lower case, accents dropped ("Brasília" → "brasilia"); the text is untouched. */
export function lexiconKey(phrase: string): string {
  return phrase.normalize('NFD').replace(MARKS, '').replace(APOSTROPHE, "'").toLowerCase();
}

/** Every kind the lexicon gives a word or a phrase of several words ("saudi arabia"). */
export function nameKinds(phrase: string): ReadonlySet<NameKind> {
  return loaded().kinds.get(lexiconKey(phrase)) ?? new Set();
}

export function isNameKind(phrase: string, ...kinds: NameKind[]): boolean {
  const found = nameKinds(phrase);
  return kinds.some((kind) => found.has(kind));
}

/** A word that ends organisation names: army, commission, ministry, party, union… */
export function isOrganisationWord(word: string): boolean {
  return loaded().orgWords.has(lexiconKey(word));
}
