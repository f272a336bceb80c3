// This user's preferences in the renderer (src/renderer/stores): read once from main, changed optimistically
// (the window reacts at once) and saved through `preferences:set`; a refusal puts the old values back and
// says why. Other windows' changes arrive as events.
import type { PreferencesChange, WorkbenchEvent } from '@shared/api';
import { defaultPreferences, type Preferences } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';

export const TEXT_SCALE_STEP = 0.1;
export const TEXT_SCALE_MIN = 0.7;
export const TEXT_SCALE_MAX = 2.5;

/** The next text size one step up or down, kept in range and free of floating-point dust. */
export function steppedScale(current: number, steps: number): number {
  const next = Math.round((current + steps * TEXT_SCALE_STEP) * 10) / 10;
  return Math.min(TEXT_SCALE_MAX, Math.max(TEXT_SCALE_MIN, next));
}

export function createPreferencesStore(api: TagwrightApi) {
  const current = observable<Preferences>(defaultPreferences());
  let saving: Promise<unknown> = Promise.resolve();

  return {
    current,

    async load(): Promise<void> {
      const result = await api['preferences:get']({});
      if (result.ok) current.set(result.value);
    },

    /** Applies the change now and saves it; resolves to null, or to why main refused it (then undone). */
    async set(change: PreferencesChange): Promise<string | null> {
      const before = current.get();
      current.set({ ...before, ...change });
      const save = saving.then(() => api['preferences:set'](change));
      saving = save.catch(() => undefined);
      const result = await save;
      if (result.ok) {
        current.set(result.value);
        return null;
      }
      current.set(before);
      return result.error.message;
    },

    handleEvent(event: WorkbenchEvent): void {
      if (event.kind === 'preferences-changed') current.set(event.preferences);
    },
  };
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;
