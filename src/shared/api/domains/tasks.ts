// How long work is named across the boundary (shared layer): the window picks a task id, progress events
// carry it and `task:cancel` names it.
import { z } from 'zod';

/** A client-chosen id for one piece of long work: progress events carry it, `task:cancel` names it. */
export const taskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 characters of A-Z, a-z, 0-9, _ or -');
