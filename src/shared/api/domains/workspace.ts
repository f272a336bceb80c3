// Contract methods about the workspace as a whole: what the renderer needs to draw it, and who is working
// (shared layer).
import { z } from 'zod';
import type { Annotator, DocumentSummary, LabelSchema } from '../../model';
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
  localAnnotator: Annotator | null;
  documents: DocumentSummary[];
  problems: StoreProblem[];
}

export const workspaceMethods = {
  'workspace:get': method(z.object({}).strict()).returns<WorkspaceView>(),
  'annotator:set-local': method(
    z.object({ name: z.string().trim().min(1, 'name is empty').max(80) }).strict(),
  ).returns<WorkspaceView>(),
};
