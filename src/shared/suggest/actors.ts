// Actor proposals (shared layer, pure): people with their titles, organisations, and states or capitals when
// they stand for a government ("Damascus insists…"), but not when they only name a place ("held in Riyadh").
// Runs of capitalised words come from name-runs.ts; the lexicon says what each word is.
import type { Analysis, Token } from './analysis';
import { isNameKind, isOrganisationWord, nameKinds } from './lexicon';
import { isCapitalisedWord, isConnector, nameRuns, type TokenRun } from './name-runs';
import { isReportingVerb } from './reporting-verbs';
import type { Proposal } from './types';

/** Prepositions after which a country or city is a place, not an actor: "in Damascus", "to Poland". */
const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'to',
  'into',
  'across',
  'near',
  'throughout',
  'within',
  'inside',
]);
const MORE_LOCATIVE = ['outside', 'toward', 'towards', 'via', 'around', 'through', 'visit', 'visited', 'of'];
for (const word of MORE_LOCATIVE) LOCATIVE.add(word);
/** Last words of capitalised runs that name things, not people: "Caesar Act", "Astana talks". */
const THING_HEADS = new Set([
  'act',
  'agreement',
  'treaty',
  'summit',
  'accord',
  'plan',
  'zone',
  'day',
  'talks',
]);
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;

interface Classified {
  reason: string;
  /** Person names give their last word as an alias for later single-word mentions ("Erdogan"). */
  alias?: string;
  /** Places and organisations may be used as plain places or as modifiers; people with titles never. */
  placeLike: boolean;
}

function runText(analysis: Analysis, run: TokenRun): string {
  return analysis.text.slice(analysis.tokens[run.first]!.start, analysis.tokens[run.last]!.end);
}

function words(analysis: Analysis, run: TokenRun): Token[] {
  return analysis.tokens.slice(run.first, run.last + 1).filter((t) => t.pos !== 'PUNCT' && !isConnector(t));
}

/** "Syrian Kurdish People’s Defense Units", "Central Bank of Turkey": an organisation word among the words. */
function organisationByHead(analysis: Analysis, run: TokenRun): Classified | null {
  const { tokens } = analysis;
  let head = run.last;
  while (head > run.first && !isOrganisationWord(tokens[head]!.lower)) head--;
  const tail = tokens[head + 1];
  if (head === run.first || !isOrganisationWord(tokens[head]!.lower)) return null;
  if (head !== run.last && tail?.lower !== 'of') return null;
  return { reason: `organisation '${runText(analysis, run)}'`, placeLike: true };
}

/** "Turkish Defense Minister Yaşar Güler": a title word followed by at least one name word. */
function titled(analysis: Analysis, run: TokenRun): Classified | null {
  for (let i = run.last - 1; i >= run.first; i--) {
    const token = analysis.tokens[i]!;
    if (!isNameKind(token.lower, 'title', 'honorific')) continue;
    const rest = words(analysis, { first: i + 1, last: run.last });
    if (rest.length === 0 || rest.some((t) => isNameKind(t.lower, 'title', 'date'))) continue;
    return { reason: `title '${token.value}' with a name`, alias: rest.at(-1)!.value, placeLike: false };
  }
  return null;
}

function named(analysis: Analysis, run: TokenRun): Classified | null {
  const text = runText(analysis, run);
  const kinds = nameKinds(text);
  const list = words(analysis, run);
  const last = list.at(-1)!;
  if (kinds.has('date') || THING_HEADS.has(last.lower)) return null;
  if (kinds.has('country')) return { reason: `state '${text}'`, placeLike: true };
  if (kinds.has('city') || kinds.has('region'))
    return { reason: `capital or city '${text}'`, placeLike: true };
  if (kinds.has('organization') || ACRONYM.test(text))
    return { reason: `organisation '${text}'`, placeLike: true };
  // "Russian Special Envoy", "Syrian-Turkish": titles and demonyms are not personal names.
  if (list.some((t) => isNameKind(t.lower, 'title', 'demonym', 'country', 'city', 'date'))) return null;
  if (list.length > 1 && isNameKind(list[0]!.lower, 'first-name')) {
    return { reason: `name '${text}'`, alias: last.value, placeLike: false };
  }
  // Capitalised words the lexicon does not know ("Blue Nile"?): a name only where it is not a modifier.
  if (list.length > 1 && list.every((t) => t.pos === 'PROPN'))
    return { reason: `name '${text}'`, placeLike: true };
  return null;
}

/** True when the run names a place ("in northern Syria") or qualifies a noun ("Istanbul brokerages"). */
function usedAsPlace(tokens: readonly Token[], run: TokenRun): boolean {
  let before = run.first - 1;
  const skippable = (t: Token): boolean => t.pos === 'DET' || (t.pos === 'ADJ' && !isCapitalisedWord(t));
  while (before >= 0 && skippable(tokens[before]!)) before--;
  if (before >= 0 && tokens[before]!.sentence === tokens[run.first]!.sentence) {
    if (LOCATIVE.has(tokens[before]!.lower)) return true;
    // "Kazan, Russia": a country after a place and a comma is part of that place's address.
    if (before === run.first - 1 && tokens[before]!.value === ',' && isCapitalisedWord(tokens[before - 1])) {
      return isNameKind(tokens[before - 1]!.lower, 'city', 'region');
    }
  }
  const next = tokens[run.last + 1];
  return next !== undefined && next.pos === 'NOUN' && !isCapitalisedWord(next);
}

/** A single unknown capitalised word is a person when it was seen as a surname or speaks: "Bekele told". */
function lonePerson(analysis: Analysis, run: TokenRun, aliases: ReadonlySet<string>): Classified | null {
  const token = analysis.tokens[run.first]!;
  if (token.pos !== 'PROPN' || isNameKind(token.lower, 'date', 'country', 'city', 'title', 'demonym'))
    return null;
  if (aliases.has(token.value)) return { reason: `surname '${token.value}' named earlier`, placeLike: false };
  if (isReportingVerb(analysis.tokens[run.first + 1])) {
    return { reason: `speaker of '${analysis.tokens[run.first + 1]!.value}'`, placeLike: false };
  }
  if (isNameKind(token.lower, 'last-name', 'person'))
    return { reason: `name '${token.value}'`, placeLike: false };
  return null;
}

/** wink glues a sentence's full stop to a final acronym ("told NOS."): the stop is not part of the name. */
const GLUED_STOP = /^\p{Lu}{2,}\.$/u;

function proposal(analysis: Analysis, run: TokenRun, reason: string): Proposal {
  const { tokens } = analysis;
  const last = tokens[run.last]!;
  const end = GLUED_STOP.test(last.value) ? last.end - 1 : last.end;
  return { label: 'actor', start: tokens[run.first]!.start, end, reason: reason.replace(/\.'$/, "'") };
}

/** Actor proposals from capitalised runs in the given sentences; overlaps are resolved by the caller. */
export function nameActors(analysis: Analysis, sentences: readonly number[]): Proposal[] {
  const proposals: Proposal[] = [];
  const aliases = new Set<string>();
  const lone: TokenRun[] = [];
  for (const run of nameRuns(analysis, sentences)) {
    const found = organisationByHead(analysis, run) ?? titled(analysis, run) ?? named(analysis, run);
    if (found === null) {
      if (run.first === run.last) lone.push(run);
      continue;
    }
    if (found.placeLike && usedAsPlace(analysis.tokens, run)) continue;
    if (found.alias !== undefined) aliases.add(found.alias);
    proposals.push(proposal(analysis, run, found.reason));
  }
  for (const run of lone) {
    const found = lonePerson(analysis, run, aliases);
    if (found === null) continue;
    // "de Vries": a lowercase particle just before a surname is part of it.
    const particle = analysis.tokens[run.first - 1];
    const first =
      particle !== undefined && isConnector(particle) && particle.lower !== 'of' ? run.first - 1 : run.first;
    proposals.push(proposal(analysis, { first, last: run.last }, found.reason));
  }
  return proposals;
}
