// Contract methods about canonical actors (shared layer): the actors named in the workspace, and renaming or
// merging them across every document of the analyst's own layer, as one all-or-nothing change whose answer
// carries the assignments that undo it (sent back through `actors:assign`).
import { z } from 'zod';
import {
  MAX_ATTRIBUTE_VALUE_CHARS,
  docIdSchema,
  spanIdSchema,
  type ActorAssignment,
  type ActorEntry,
} from '../../model';
import { method } from '../define';

const actorName = z.string().trim().min(1, 'the name is empty').max(MAX_ATTRIBUTE_VALUE_CHARS);

export interface ActorChange {
  /** Spans changed, and in how many documents. */
  spans: number;
  documents: number;
  /** Send these through actors:assign to take the change back, and `redo` to make it again. */
  undo: ActorAssignment[];
  redo: ActorAssignment[];
}

export const actorMethods = {
  'actors:list': method(z.object({}).strict()).returns<{ actors: ActorEntry[] }>(),
  /** Every span of the analyst's layer going by one of `names` goes by `to` from now on (merge: several names). */
  'actors:rename': method(
    z.object({ names: z.array(actorName).min(1).max(1000), to: actorName }).strict(),
  ).returns<ActorChange>(),
  'actors:assign': method(
    z
      .object({
        assignments: z
          .array(z.object({ docId: docIdSchema, spanId: spanIdSchema, value: actorName.nullable() }).strict())
          .min(1)
          .max(200_000),
      })
      .strict(),
  ).returns<ActorChange>(),
};
