// Contract methods about the workspace as a whole: what the renderer needs to draw it, and who is working
// (shared layer).
import { z } from 'zod';
import { annotatorIdSchema, type Annotator, type DocumentSummary, type LabelSchema } from '../../model';
import { method } from '../define';

/** A file the store could not load; it was copied to quarantine/ and left untouched in place. */
export interface StoreProblem {
  file: string;
  reason: string;
  quarantinedAs: string;
  lastBackup: string | null;
}

export interface WorkspaceView {
  path: string;
  labelSchema: LabelSchema;
  annotators: Annotator[];
  /** Who this machine's user is in this workspace (a user preference), or null: then ask. */
  localAnnotator: Annotator | null;
  /** The name this user gave last (in another workspace), offered when asking. */
  analystNameHint: string | null;
  documents: DocumentSummary[];
  problems: StoreProblem[];
}

export const workspaceMethods = {
  'workspace:get': method(z.object({}).strict()).returns<WorkspaceView>(),
  /** "I am a new analyst called …" (name) or "I am this analyst of the workspace" (annotatorId). */
  'annotator:set-local': method(
    z.union([
      z.object({ name: z.string().trim().min(1, 'name is empty').max(80) }).strict(),
      z.object({ annotatorId: annotatorIdSchema }).strict(),
    ]),
  ).returns<WorkspaceView>(),
  /**
   * Opens another workspace folder in place of this one (create: a new workspace in an empty or new folder).
   * Every window then reloads; the old workspace is saved and unlocked first.
   */
  'workspace:open': method(
    z
      .object({
        path: z
          .string()
          .min(1)
          .max(4096)
          .refine(
            (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path),
            'give the folder’s full path',
          ),
        create: z.boolean(),
      })
      .strict(),
  ).returns<WorkspaceView>(),
  /** The local analyst changes their display name (their layer id stays). */
  'annotator:rename': method(
    z.object({ name: z.string().trim().min(1, 'name is empty').max(80) }).strict(),
  ).returns<WorkspaceView>(),
};
