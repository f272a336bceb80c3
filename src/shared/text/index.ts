// Text handling in one import: strict decoding, canonical text and its offset map, grapheme/word snapping,
// span anchors and re-anchoring, code-point offsets and ProseMirror position mapping (shared layer, pure).
export * from './utf8';
export * from './canonical';
export * from './segments';
export * from './anchor';
export * from './paragraph-offsets';
export { firstLoneSurrogate, splitsSurrogatePair } from './surrogates';
export * from './code-points';
export * from './reanchor';
export * from './occurrences';
