// What the status bar says about saving, across every open document (src/renderer/stores): "Saving…" while a
// request is out, "All changes saved" once main answered that every write resolved (also right after load:
// nothing unsaved exists), or "Not saved" with the reason.
import { observable } from './observable';

export type SaveState =
  { kind: 'saved' } | { kind: 'saving'; pending: number } | { kind: 'error'; message: string };

export interface SaveTracker {
  state: ReturnType<typeof observable<SaveState>>;
  started(): void;
  finished(outcome: { ok: true } | { ok: false; message: string }): void;
}

export function createSaveTracker(): SaveTracker {
  const state = observable<SaveState>({ kind: 'saved' });
  let pending = 0;
  return {
    state,
    started() {
      pending += 1;
      state.set({ kind: 'saving', pending });
    },
    finished(outcome) {
      pending = Math.max(0, pending - 1);
      if (!outcome.ok) state.set({ kind: 'error', message: outcome.message });
      else state.set(pending > 0 ? { kind: 'saving', pending } : { kind: 'saved' });
    },
  };
}
