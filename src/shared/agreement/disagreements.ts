// The disagreements behind any figure of the agreement report (shared layer, pure), so the compare view can
// open the list under a number. A figure is addressed by metric, layers, and optionally label, relation type
// and document; the list holds document ids, offsets, labels and layers, in document and text order.
import type { PreparedDocument, PreparedLayer } from './prepared-documents';
import { prepareCorpus } from './prepared-documents';
import { pairRelations } from './relation-agreement';
import type { AgreementOptions } from './report-types';
import { compareSpanPositions, matchExact, matchOverlap, type SpanPairing } from './span-matching';
import {
  AgreementInputError,
  type AgreementDocument,
  type AgreementRelation,
  type AgreementSpan,
} from './types';

export const agreementMetrics = [
  'spanExact',
  'spanOverlap',
  'cohenKappa',
  'krippendorffAlpha',
  'fleissKappa',
  'tokenAgreement',
  'unitizedAlpha',
  'relations',
] as const;
export type AgreementMetric = (typeof agreementMetrics)[number];

/** Where a figure sits in the report: the same keys the report uses. */
export interface FigureAddress {
  metric: AgreementMetric;
  /** Two layers (reference first) for a pairwise figure, or every layer of the report for an all-layer one. */
  layers: readonly string[];
  /** One label; absent for the overall figure. */
  label?: string;
  /** One relation type (metric 'relations'); absent for all types. */
  relationType?: string;
  /** One document; absent for the corpus figure. */
  documentId?: string;
}

/** A span of `layer` that `missingFrom` has no partner for (exact or overlap matching). */
export interface SpanDisagreement {
  kind: 'span';
  documentId: string;
  layer: string;
  missingFrom: string;
  span: AgreementSpan;
}

/** A relation of `layer` that `missingFrom` has no matching relation for, with its end spans. */
export interface RelationDisagreement {
  kind: 'relation';
  documentId: string;
  layer: string;
  missingFrom: string;
  relation: AgreementRelation;
  from: AgreementSpan;
  to: AgreementSpan;
}

/**
 * A stretch of text the layers treat differently for one label. `tokens`: a run of word tokens some layers tag
 * and others do not (κ, α, Fleiss' κ). `unit`: a unit (merged spans) that only some layers have with exactly
 * these boundaries (α_U).
 */
export interface StretchDisagreement {
  kind: 'tokens' | 'unit';
  documentId: string;
  label: string;
  start: number;
  end: number;
  taggedBy: string[];
  untaggedBy: string[];
}

export type Disagreement = SpanDisagreement | RelationDisagreement | StretchDisagreement;

const pairMetrics: ReadonlySet<AgreementMetric> = new Set(['spanExact', 'spanOverlap', 'relations']);

function spanDisagreements(
  document: PreparedDocument,
  [a, b]: readonly PreparedLayer[],
  match: (x: readonly AgreementSpan[], y: readonly AgreementSpan[]) => SpanPairing,
  label: string | undefined,
): SpanDisagreement[] {
  if (a === undefined || b === undefined) return [];
  const pick = (spans: readonly AgreementSpan[]): AgreementSpan[] =>
    label === undefined ? [...spans] : spans.filter((s) => s.label === label);
  const pairing = match(pick(a.spans), pick(b.spans));
  const entry = (span: AgreementSpan, layer: string, missingFrom: string): SpanDisagreement => ({
    kind: 'span',
    documentId: document.id,
    layer,
    missingFrom,
    span,
  });
  return [
    ...pairing.onlyA.map((span) => entry(span, a.id, b.id)),
    ...pairing.onlyB.map((span) => entry(span, b.id, a.id)),
  ].sort((x, y) => compareSpanPositions(x.span, y.span) || (x.layer === a.id ? -1 : 1));
}

function relationDisagreements(
  document: PreparedDocument,
  [a, b]: readonly PreparedLayer[],
  type: string | undefined,
): RelationDisagreement[] {
  if (a === undefined || b === undefined) return [];
  const pick = (layer: PreparedLayer): PreparedLayer['relations'] =>
    type === undefined ? layer.relations : layer.relations.filter((r) => r.relation.type === type);
  const pairing = pairRelations(pick(a), pick(b));
  const entry = (
    item: PreparedLayer['relations'][number],
    layer: string,
    missingFrom: string,
  ): RelationDisagreement => ({
    kind: 'relation',
    documentId: document.id,
    layer,
    missingFrom,
    ...item,
  });
  return [
    ...pairing.onlyA.map((r) => entry(r, a.id, b.id)),
    ...pairing.onlyB.map((r) => entry(r, b.id, a.id)),
  ];
}

function stretch(
  kind: StretchDisagreement['kind'],
  document: PreparedDocument,
  label: string,
  range: { start: number; end: number },
  tagged: readonly boolean[],
): StretchDisagreement {
  const layers = document.layers;
  return {
    kind,
    documentId: document.id,
    label,
    start: range.start,
    end: range.end,
    taggedBy: layers.filter((_, i) => tagged[i] === true).map((l) => l.id),
    untaggedBy: layers.filter((_, i) => tagged[i] !== true).map((l) => l.id),
  };
}

/** Runs of consecutive tokens on which the layers' decisions differ in the same way. */
function tokenDisagreements(document: PreparedDocument, label: string): StretchDisagreement[] {
  const decisions = document.layers.map((layer) => document.decisions(layer, label));
  const result: StretchDisagreement[] = [];
  let previous = -2;
  let previousKey = '';
  document.tokens.forEach((token, index) => {
    const tagged = decisions.map((d) => d[index] === 1);
    if (tagged.every((t) => t === tagged[0])) return;
    const key = tagged.map(Number).join('');
    const last = result[result.length - 1];
    if (last !== undefined && previous === index - 1 && previousKey === key) last.end = token.end;
    else result.push(stretch('tokens', document, label, token, tagged));
    previous = index;
    previousKey = key;
  });
  return result;
}

/** Units that not every layer has with exactly these boundaries (the sections behind α_U's D_o). */
function unitDisagreements(document: PreparedDocument, label: string): StretchDisagreement[] {
  const byExtent = new Map<string, { start: number; end: number; tagged: boolean[] }>();
  document.layers.forEach((layer, index) => {
    for (const unit of document.units(layer, label)) {
      const key = `${unit.start}:${unit.end}`;
      const entry = byExtent.get(key) ?? { start: unit.start, end: unit.end, tagged: [] };
      entry.tagged[index] = true;
      byExtent.set(key, entry);
    }
  });
  return [...byExtent.values()]
    .filter((entry) => document.layers.some((_, i) => entry.tagged[i] !== true))
    .sort((x, y) => x.start - y.start || y.end - x.end)
    .map((entry) => stretch('unit', document, label, entry, entry.tagged));
}

/** Throws AgreementInputError when no corpus can have a figure at `address` (unknown metric, layer count). */
export function checkAddress(address: FigureAddress): void {
  if (!agreementMetrics.includes(address.metric)) {
    throw new AgreementInputError(`Unknown agreement metric "${String(address.metric)}"`);
  }
  if (pairMetrics.has(address.metric) && address.layers.length !== 2) {
    throw new AgreementInputError(`${address.metric} compares two layers (got ${address.layers.length})`);
  }
}

/**
 * Lists the disagreements behind the figure at `address`, computed afresh from the documents (validated as
 * corpusAgreement does). Span and relation figures list what one layer has and the other lacks; κ, α, Fleiss'
 * κ and the token agreement list runs of tokens tagged differently; α_U lists units not shared exactly.
 */
export function disagreementsBehind(
  documents: readonly AgreementDocument[],
  address: FigureAddress,
  options: AgreementOptions = {},
): Disagreement[] {
  checkAddress(address);
  const { documentId } = address;
  const selected = documentId === undefined ? documents : documents.filter((d) => d.id === documentId);
  if (documentId !== undefined && selected.length === 0) {
    throw new AgreementInputError(`No document "${documentId}" among the documents given`);
  }
  const corpus = prepareCorpus(selected, address.layers, options);
  const labels = address.label === undefined ? corpus.labels : [address.label];
  return corpus.documents.flatMap((document): Disagreement[] => {
    switch (address.metric) {
      case 'spanExact':
        return spanDisagreements(document, document.layers, matchExact, address.label);
      case 'spanOverlap':
        return spanDisagreements(document, document.layers, matchOverlap, address.label);
      case 'relations':
        return relationDisagreements(document, document.layers, address.relationType);
      case 'unitizedAlpha':
        return labels
          .flatMap((label) => unitDisagreements(document, label))
          .sort((x, y) => x.start - y.start);
      default:
        return labels
          .flatMap((label) => tokenDisagreements(document, label))
          .sort((x, y) => x.start - y.start);
    }
  });
}
