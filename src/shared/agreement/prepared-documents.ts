// Validates the documents and layers of an agreement run and prepares what every figure reads (shared layer,
// pure): each document's word tokens, each layer's spans by label and resolved relations, and, on demand and
// cached, the per-label token decisions (κ, α) and units (α_U).
import type { TextRange } from '../text/segments';
import { sortedUnique } from './records';
import { resolveRelations, type ResolvedRelation } from './relation-agreement';
import { tokenDecisions } from './token-decisions';
import {
  AgreementInputError,
  type AgreementDocument,
  type AgreementLayer,
  type AgreementSpan,
} from './types';
import { unitsOf } from './unitized-alpha';
import { validateLayer } from './validate';
import { wordTokens } from './word-tokens';
import type { AgreementOptions } from './report-types';

export interface PreparedLayer {
  id: string;
  spans: readonly AgreementSpan[];
  relations: readonly ResolvedRelation[];
  spansWithLabel(label: string): readonly AgreementSpan[];
}

export interface PreparedDocument {
  id: string;
  title: string;
  length: number;
  tokens: readonly TextRange[];
  /** In the order the layers were asked for. */
  layers: readonly PreparedLayer[];
  decisions(layer: PreparedLayer, label: string): Uint8Array;
  units(layer: PreparedLayer, label: string): readonly TextRange[];
}

export interface PreparedCorpus {
  layers: string[];
  labels: string[];
  relationTypes: string[];
  documents: PreparedDocument[];
}

const EMPTY_LAYER: AgreementLayer = { spans: [], relations: [] };

function prepareLayer(id: string, layer: AgreementLayer, where: string, textLength: number): PreparedLayer {
  const spansById = validateLayer(layer, where, textLength);
  const byLabel = new Map<string, AgreementSpan[]>();
  for (const span of layer.spans) {
    const list = byLabel.get(span.label);
    if (list === undefined) byLabel.set(span.label, [span]);
    else list.push(span);
  }
  return {
    id,
    spans: layer.spans,
    relations: resolveRelations(layer, spansById),
    spansWithLabel: (label) => byLabel.get(label) ?? [],
  };
}

function cached<T>(
  compute: (layer: PreparedLayer, label: string) => T,
): (layer: PreparedLayer, label: string) => T {
  const memo = new Map<PreparedLayer, Map<string, T>>();
  return (layer, label) => {
    let perLabel = memo.get(layer);
    if (perLabel === undefined) memo.set(layer, (perLabel = new Map()));
    let value = perLabel.get(label);
    if (value === undefined) perLabel.set(label, (value = compute(layer, label)));
    return value;
  };
}

function prepareDocument(
  document: AgreementDocument,
  layerIds: readonly string[],
  options: AgreementOptions,
): PreparedDocument {
  const layers = layerIds.map((id) => {
    const layer = document.layers.get(id);
    if (layer === undefined && options.missingLayerIsEmpty !== true) {
      throw new AgreementInputError(
        `Document "${document.id}" has no layer "${id}" (pass missingLayerIsEmpty to count it as an empty layer)`,
      );
    }
    return prepareLayer(
      id,
      layer ?? EMPTY_LAYER,
      `document "${document.id}", layer "${id}"`,
      document.text.length,
    );
  });
  const tokens = wordTokens(document.text);
  return {
    id: document.id,
    title: document.title,
    length: document.text.length,
    tokens,
    layers,
    decisions: cached((layer, label) => tokenDecisions(tokens, layer.spansWithLabel(label))),
    units: cached((layer, label) => unitsOf(layer.spansWithLabel(label))),
  };
}

function checkLayerIds(layers: readonly string[]): void {
  if (layers.length < 2)
    throw new AgreementInputError(`Agreement needs at least two layers (got ${layers.length})`);
  const seen = new Set<string>();
  for (const id of layers) {
    if (seen.has(id)) throw new AgreementInputError(`Layer "${id}" is listed twice`);
    seen.add(id);
  }
}

/** Validates everything first, so bad input fails before any figure is computed (nothing partial). */
export function prepareCorpus(
  documents: readonly AgreementDocument[],
  layers: readonly string[],
  options: AgreementOptions = {},
): PreparedCorpus {
  checkLayerIds(layers);
  const ids = new Set<string>();
  const prepared = documents.map((document) => {
    if (ids.has(document.id)) throw new AgreementInputError(`Document "${document.id}" is listed twice`);
    ids.add(document.id);
    return prepareDocument(document, layers, options);
  });
  const used = prepared.flatMap((d) => d.layers.flatMap((l) => l.spans.map((s) => s.label)));
  const types = prepared.flatMap((d) => d.layers.flatMap((l) => l.relations.map((r) => r.relation.type)));
  return {
    layers: [...layers],
    labels: sortedUnique([...(options.labels ?? []), ...used]),
    relationTypes: sortedUnique([...(options.relationTypes ?? []), ...types]),
    documents: prepared,
  };
}
