// Sends annotation changes to main one request at a time, in order, and publishes the save state the
// status bar shows (src/renderer/stores). "Saved" is only shown once main answered that the write resolved.
import type { AnnotationOp, ApiError, ApplyResult } from '@shared/api';
import type { DocId, LayerId } from '@shared/model';
import { api } from '../api/client';
import { observable } from './observable';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; pending: number }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

export const saveState = observable<SaveState>({ kind: 'idle' });

let tail: Promise<unknown> = Promise.resolve();
let pending = 0;

export interface SaveCallbacks {
  onSaved(result: ApplyResult): void;
  onFailed(error: ApiError): void;
}

export function enqueueSave(
  docId: DocId,
  layer: LayerId,
  ops: AnnotationOp[],
  callbacks: SaveCallbacks,
): Promise<void> {
  pending += 1;
  saveState.set({ kind: 'saving', pending });
  const run = async (): Promise<void> => {
    const result = await api['annotations:apply']({ docId, layer, ops });
    pending -= 1;
    if (result.ok) {
      callbacks.onSaved(result.value);
      // After a failure the document was reloaded from disk, so a later success means all is saved again;
      // the failure itself stays on screen as a notice until dismissed.
      saveState.set(pending > 0 ? { kind: 'saving', pending } : { kind: 'saved', at: new Date() });
    } else {
      saveState.set({ kind: 'error', message: result.error.message });
      callbacks.onFailed(result.error);
    }
  };
  const next = tail.then(run, run);
  tail = next;
  return next;
}

/** Resolves when every queued save has been answered (used before switching documents). */
export function whenSaved(): Promise<unknown> {
  return tail;
}
