// The shape of the agreement report (shared layer, pure): every figure per label, per document and over the
// corpus, pairwise and across all layers. Plain JSON (null-prototype records keyed by label, relation type and
// document id), so the UI, the CLI's --json and an export print the same numbers.
import type { PRF } from './types';

/** Figures of one pair of layers (A the reference, B the candidate) for one label, or for all labels. */
export interface PairFigures {
  /** Span P/R/F1, same label, start and end. */
  spanExact: PRF;
  /** Span P/R/F1, same label and overlapping, one-to-one. */
  spanOverlap: PRF;
  /**
   * Cohen's κ over word tokens (per label: tagged or not); for all labels, over the (token, label) decisions
   * of every label some layer put on a token.
   */
  cohenKappa: number | null;
  /** Krippendorff's α (nominal) over the same decisions. */
  krippendorffAlpha: number | null;
  /** Krippendorff's α_U over characters; for all labels, 1 − ΣD_o / ΣD_e over the labels. */
  unitizedAlpha: number | null;
  /** The share of decisions on which A and B agree (κ's p_o). */
  tokenAgreement: number | null;
  /** How many decisions κ and α rest on: tokens, or tokens × labels in use for all labels. */
  decisions: number;
}

/** Figures across all the report's layers for one label, or for all labels. */
export interface MultiFigures {
  fleissKappa: number | null;
  krippendorffAlpha: number | null;
  unitizedAlpha: number | null;
  /** P̄: the mean share of layer pairs that agree on a decision (Fleiss' observed agreement). */
  tokenAgreement: number | null;
  decisions: number;
}

export interface RelationFigures {
  overall: PRF;
  perType: Record<string, PRF>;
}

/** One pair of layers over one document or over the corpus. */
export interface PairScope {
  overall: PairFigures;
  perLabel: Record<string, PairFigures>;
  relations: RelationFigures;
}

/** All layers over one document or over the corpus. */
export interface MultiScope {
  overall: MultiFigures;
  perLabel: Record<string, MultiFigures>;
}

export interface PairReport {
  /** The reference layer. */
  a: string;
  /** The candidate layer. */
  b: string;
  corpus: PairScope;
  documents: Record<string, PairScope>;
}

export interface MultiReport {
  layers: string[];
  corpus: MultiScope;
  documents: Record<string, MultiScope>;
}

export interface ReportedDocument {
  id: string;
  title: string;
  characters: number;
  tokens: number;
}

export interface AgreementReport {
  layers: string[];
  labels: string[];
  relationTypes: string[];
  documents: ReportedDocument[];
  /** One entry per pair of layers, in the order the layers were given (first, second), (first, third), … */
  pairs: PairReport[];
  /** Across all layers: Fleiss' κ, α with every layer as a coder, α_U. */
  all: MultiReport;
}

export interface AgreementOptions {
  /** Labels to report even where nobody used them (e.g. the label schema's); the labels used are always in. */
  labels?: readonly string[];
  /** Relation types to report even where nobody used them. */
  relationTypes?: readonly string[];
  /** Treat a document that lacks one of the layers as if that layer were empty, instead of refusing it. */
  missingLayerIsEmpty?: boolean;
}
