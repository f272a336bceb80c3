// The offline suggester (shared layer, pure): proposes actor, claim and condition spans with `says` and
// `conditions` relations for one text, for the analyst to accept or reject. Main runs it in a worker; it reads
// nothing but its input. Text mostly in a script the English model does not cover gets no suggestions.
import { analyse, type Analysis } from './analysis';
import { describedActors } from './actor-descriptions';
import { nameActors } from './actors';
import { complementClaims, type ClaimProposal } from './claims';
import { clauseClaims } from './clause-claims';
import { conditionsIn } from './conditions';
import { knownActorMentions } from './known-actors';
import { isMostlyLatin } from './language';
import { quotationClaims } from './quotation-claims';
import { findQuotations } from './quotations';
import { speakerOf, withCoSpeakers, type ActorProposal } from './speakers';
import { toOutput, type Link } from './output';
import { readableSentences } from './token-search';
import type { KnownActor, Proposal, SuggestInput, SuggestOutput } from './types';

const PERSON_REASON = /^(title|name|surname|speaker)/;

/** Longest first; a proposal overlapping one already kept is dropped (actors never overlap each other). */
function withoutOverlaps<T extends Proposal>(proposals: readonly T[]): T[] {
  const kept: T[] = [];
  const byLength = [...proposals].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const p of byLength) if (!kept.some((k) => k.start < p.end && p.start < k.end)) kept.push(p);
  return kept.sort((a, b) => a.start - b.start);
}

function findActors(analysis: Analysis, sentences: number[], known: readonly KnownActor[]): ActorProposal[] {
  const found = [...nameActors(analysis, sentences), ...describedActors(analysis, sentences)].map((p) => ({
    ...p,
    person: PERSON_REASON.test(p.reason),
  }));
  const mentions = knownActorMentions(analysis.text, known).map((p) => ({ ...p, person: true }));
  return withoutOverlaps([...found, ...mentions]);
}

const same = (a: Proposal, b: Proposal): boolean => a.start === b.start && a.end === b.end;
const within = (inner: Proposal, outer: Proposal): boolean =>
  outer.start <= inner.start && inner.end <= outer.end && !same(inner, outer);

/**
 * One claim per stretch of text: a quotation inside a reported clause is part of that clause's claim, and a
 * clause before ", X said" is not a claim when that verb has a complement of its own.
 */
function findClaims(analysis: Analysis, sentences: number[]): ClaimProposal[] {
  const readable = new Set(sentences);
  const complements = [...complementClaims(analysis, sentences), ...clauseClaims(analysis, sentences)];
  const verbsWithComplement = new Set(complements.filter((c) => c.kind === 'complement').map((c) => c.verb));
  const clauses = complements.filter((c) => c.kind !== 'preposed' || !verbsWithComplement.has(c.verb));
  const quotes = quotationClaims(analysis, findQuotations(analysis.text), readable).filter(
    (q) => !clauses.some((c) => within(q, c)),
  );
  const all = [...quotes, ...clauses.filter((c) => !quotes.some((q) => same(q, c)))];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

function linkConditions(analysis: Analysis, claims: readonly ClaimProposal[]): Link[] {
  const innermost = new Map<string, Link>();
  for (const claim of claims) {
    for (const condition of conditionsIn(analysis, claim)) {
      const key = `${condition.start}:${condition.end}`;
      const seen = innermost.get(key);
      if (seen === undefined || within(claim, seen.to)) {
        innermost.set(key, { type: 'conditions', from: condition, to: claim });
      }
    }
  }
  return [...innermost.values()];
}

export function suggest(input: SuggestInput): SuggestOutput {
  const { text } = input;
  if (!isMostlyLatin(text)) return { language: 'unsupported', spans: [], relations: [] };
  const analysis = analyse(text);
  const sentences = readableSentences(analysis, isMostlyLatin);
  const actors = findActors(analysis, sentences, input.knownActors ?? []);
  const claims = findClaims(analysis, sentences);
  const links: Link[] = linkConditions(analysis, claims);
  for (const claim of claims) {
    const speaker = speakerOf(analysis, claim, actors, claims);
    if (speaker === null) continue;
    for (const from of withCoSpeakers(text, speaker, actors)) links.push({ type: 'says', from, to: claim });
  }
  const conditions = links.filter((l) => l.type === 'conditions').map((l) => l.from);
  return toOutput(text, [...actors, ...claims, ...conditions], links);
}
