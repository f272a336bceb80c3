// The inputs and basic outputs of the agreement module (shared layer, pure): layers reduced to what agreement
// needs (id, label, UTF-16 offsets; relation type and end span ids), precision/recall/F1 counts, and the one
// error type every bad input raises. Nothing here depends on the workspace model, so scripts can call it too.

/** A tagged stretch of one layer: UTF-16 offsets over the canonical text, start inclusive, end exclusive. */
export interface AgreementSpan {
  id: string;
  label: string;
  start: number;
  end: number;
}

/** A typed link between two spans of the same layer, by span id. */
export interface AgreementRelation {
  id: string;
  type: string;
  from: string;
  to: string;
}

export interface AgreementLayer {
  spans: readonly AgreementSpan[];
  relations: readonly AgreementRelation[];
}

/** One document with the layers to compare, keyed by layer id (an annotator id or `gold`). */
export interface AgreementDocument {
  id: string;
  title: string;
  text: string;
  layers: ReadonlyMap<string, AgreementLayer>;
}

/**
 * Precision, recall and F1 of a candidate layer B against a reference layer A.
 * P = tp / (tp + fp) over B's items, R = tp / (tp + fn) over A's items, F1 = 2·tp / (2·tp + fp + fn)
 * (the harmonic mean of P and R wherever both are defined). A ratio is null when it is 0/0.
 */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Bad input to the agreement module: names the document, layer and record where it can. */
export class AgreementInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgreementInputError';
  }
}
