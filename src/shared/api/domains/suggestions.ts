// Contract methods behind suggestions from the analyst's own tags (shared layer): where else in the corpus
// a tagged text occurs as a whole word, and remembering a suggestion the analyst turned down.
import { z } from 'zod';
import { docIdSchema, idString, type Suggestion } from '../../model';
import { method } from '../define';

export interface CorpusSuggestions {
  documents: { docId: string; title: string; suggestions: Suggestion[] }[];
  /** True when the search stopped at its limit (more occurrences exist). */
  truncated: boolean;
}

export const suggestionMethods = {
  'suggestions:find': method(
    z
      .object({
        label: idString,
        quote: z.string().min(1).max(1000),
        /** The document the tag was made in (its own occurrences are found by the window). */
        exceptDocId: docIdSchema.optional(),
      })
      .strict(),
  ).returns<CorpusSuggestions>(),
  'suggestions:reject': method(
    z
      .object({
        docId: docIdSchema,
        label: idString,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
      })
      .strict(),
  ).returns<{ rejected: number }>(),
};
