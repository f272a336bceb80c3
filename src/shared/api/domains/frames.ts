// Contract methods about who said what across the corpus (shared layer): the frames (claims with their
// actors and conditions) of chosen layers and documents, for the claims table and the corpus view.
import { z } from 'zod';
import { docIdSchema, idString, type FrameRow } from '../../model';
import { method } from '../define';

export interface FramesList {
  rows: FrameRow[];
  /** Documents that could not be read (damaged files), left out of the rows. */
  skipped: string[];
}

export const frameMethods = {
  'frames:list': method(
    z
      .object({
        /** Layers to read frames from; empty means the analyst's own layer. */
        layers: z.array(idString).max(1000),
        /** Documents to read; absent means every document. */
        docIds: z.array(docIdSchema).min(1).max(100_000).optional(),
      })
      .strict(),
  ).returns<FramesList>(),
};
