// The agreement module in one import (shared layer, pure): span and relation precision/recall/F1, word tokens,
// the compare view's span classes, the corpus report (κ, Fleiss' κ, α, α_U per label, document and corpus) and
// the disagreements behind each figure. docs/review.md explains every figure for analysts.
export * from './types';
export { prf, sumPrf } from './prf';
export { spanAgreement, type SpanAgreement, type SpanMatch, type SpanMatchMode } from './span-agreement';
export { relationAgreement, type RelationAgreement, type RelationMatch } from './relation-agreement';
export { wordTokens } from './word-tokens';
export {
  compareLayers,
  comparisonCounts,
  comparisonClasses,
  type ComparedSpan,
  type ComparisonClass,
  type ComparisonCounts,
} from './compare-layers';
export { corpusAgreement } from './corpus-agreement';
export type * from './report-types';
export {
  agreementMetrics,
  checkAddress,
  disagreementsBehind,
  type AgreementMetric,
  type Disagreement,
  type FigureAddress,
  type RelationDisagreement,
  type SpanDisagreement,
  type StretchDisagreement,
} from './disagreements';
