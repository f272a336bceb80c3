// Branded identifiers for the domain model (shared layer, pure).
// Ids are opaque strings; the brand stops a span id being passed where a document id is expected.
import { z } from 'zod';

export type DocId = string & { readonly __brand: 'DocId' };
export type SpanId = string & { readonly __brand: 'SpanId' };
export type RelationId = string & { readonly __brand: 'RelationId' };
export type CommentId = string & { readonly __brand: 'CommentId' };
export type AnnotatorId = string & { readonly __brand: 'AnnotatorId' };
/** The adjudicated layer; no analyst can have this id. */
export const GOLD_LAYER = 'gold';
/** A layer is an annotator's own (named by their id) or the adjudicated `gold` layer. */
export type LayerId = AnnotatorId | typeof GOLD_LAYER;

/** Ids are short, URL- and file-name-safe tokens. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const idString = z.string().regex(ID_PATTERN, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -');

export const docIdSchema = idString.transform((s) => s as DocId);
export const spanIdSchema = idString.transform((s) => s as SpanId);
export const relationIdSchema = idString.transform((s) => s as RelationId);
export const commentIdSchema = idString.transform((s) => s as CommentId);
export const annotatorIdSchema = idString.transform((s) => s as AnnotatorId);
export const layerIdSchema = idString.transform((s) => s as LayerId);

/** Ids an analyst may not take, because a layer of that name means something else. */
export const RESERVED_ANNOTATOR_IDS: ReadonlySet<string> = new Set([GOLD_LAYER]);

export function isGoldLayer(layer: LayerId): layer is typeof GOLD_LAYER {
  return layer === GOLD_LAYER;
}

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Turns a display name into an id-safe slug (used for annotator ids); never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug.length > 0 ? slug : 'analyst';
}
