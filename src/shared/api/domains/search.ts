// Contract methods for search (shared layer): one query over the open document or the whole corpus, run by
// main on its worker thread with a time budget; hits stream to the asking window as `search-hits` events and
// the answer holds them all, so a window that missed an event still ends with the full list.
import { z } from 'zod';
import { docIdSchema, idString } from '../../model';
import { annotationFields, searchModes, searchTargets, type SearchHit } from '../../search';
import { method } from '../define';
import { taskIdSchema } from './tasks';

/** The most hits one search returns; a search that finds more says so instead of growing without end. */
export const MAX_SEARCH_HITS = 5000;

export const searchQuerySchema = z
  .object({
    pattern: z.string().max(1000),
    mode: z.enum(searchModes),
    caseSensitive: z.boolean(),
    target: z.enum(searchTargets),
    labels: z.array(idString).max(200),
    layers: z.array(idString).max(1000),
    fields: z.array(z.enum(annotationFields)).max(annotationFields.length),
  })
  .strict();

export const searchRequestSchema = z
  .object({
    query: searchQuerySchema,
    /** The open document, or every document of the workspace. */
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('document'), docId: docIdSchema }).strict(),
      z.object({ kind: z.literal('corpus') }).strict(),
    ]),
    taskId: taskIdSchema,
  })
  .strict();

export type SearchRequest = z.infer<typeof searchRequestSchema>;

export interface SearchResult {
  hits: SearchHit[];
  /** Documents searched, and how many of them had at least one hit. */
  documents: number;
  documentsWithHits: number;
  /** True when the search stopped at MAX_SEARCH_HITS. */
  truncated: boolean;
}

export const searchMethods = {
  'search:run': method(searchRequestSchema).returns<SearchResult>(),
};
