// Contract methods behind suggestions (shared layer): where else in the corpus a tagged text occurs as a whole
// word, the offline suggester's proposals for some documents or the corpus (a task with progress and Cancel),
// and remembering a suggestion the analyst turned down.
import { z } from 'zod';
import { docIdSchema, idString, type Suggestion } from '../../model';
import { method } from '../define';
import { taskIdSchema } from './exchange';

export interface CorpusSuggestions {
  documents: { docId: string; title: string; suggestions: Suggestion[] }[];
  /** True when the search stopped at its limit (more occurrences exist). */
  truncated: boolean;
}

/** The offline suggester's proposals for one document, minus the analyst's own spans and rejections. */
export interface MachineSuggestionsOfDocument {
  docId: string;
  title: string;
  /** 'unsupported': the text is mostly in a script the English model does not cover, so nothing is offered. */
  language: 'en' | 'unsupported';
  suggestions: Suggestion[];
}

export interface MachineSuggestions {
  documents: MachineSuggestionsOfDocument[];
  /** Documents left out, with why (damaged file, or the suggester ran out of time). */
  skipped: { title: string; reason: string }[];
}

/** What `suggestions:write-layer` (the CLI's `suggest --layer`) wrote. */
export interface WrittenSuggestions {
  layer: string;
  /** The analyst created for the layer, when it did not exist. */
  created: { id: string; name: string } | null;
  documents: {
    docId: string;
    title: string;
    language: 'en' | 'unsupported';
    spans: number;
    relations: number;
  }[];
  skipped: MachineSuggestions['skipped'];
}

const documentIdsSchema = z.array(docIdSchema).min(1).max(100_000);

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
  'suggestions:machine': method(
    z
      .object({
        /** The documents to suggest for; absent means the whole corpus. */
        documentIds: documentIdsSchema.optional(),
        taskId: taskIdSchema.optional(),
      })
      .strict(),
  ).returns<MachineSuggestions>(),
  /** The suggestions as spans and relations of a named layer (created if missing), for scoring and export. */
  'suggestions:write-layer': method(
    z
      .object({
        layer: z.string().max(200),
        documentIds: documentIdsSchema.optional(),
        taskId: taskIdSchema.optional(),
      })
      .strict(),
  ).returns<WrittenSuggestions>(),
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
