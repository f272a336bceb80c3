// The preferences store: a change applies at once and is saved; a refusal puts the old values back and says
// why; text size steps stay in range without floating-point dust.
import { describe, expect, it, vi } from 'vitest';
import { defaultPreferences } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { createPreferencesStore, steppedScale } from './preferences-store';

describe('the preferences store', () => {
  it('applies a change at once and keeps what main saved', async () => {
    let release: () => void = () => {};
    const api = {
      'preferences:set': vi.fn(
        (change: object) =>
          new Promise((resolve) => {
            release = () => resolve({ ok: true, value: { ...defaultPreferences(), ...change } });
          }),
      ),
    } as unknown as TagwrightApi;
    const store = createPreferencesStore(api);
    const saving = store.set({ theme: 'dark' });
    expect(store.current.get().theme).toBe('dark');
    await vi.waitFor(() => expect(api['preferences:set']).toHaveBeenCalledWith({ theme: 'dark' }));
    release();
    await expect(saving).resolves.toBeNull();
    expect(store.current.get().theme).toBe('dark');
  });

  it('puts the old value back when main refuses, and says why', async () => {
    const api = {
      'preferences:set': vi.fn(async () => ({
        ok: false,
        error: { code: 'invalid-request', message: 'too large' },
      })),
    } as unknown as TagwrightApi;
    const store = createPreferencesStore(api);
    await expect(store.set({ textScale: 2 })).resolves.toBe('too large');
    expect(store.current.get().textScale).toBe(1);
  });

  it('steps the text size by tenths within its range', () => {
    expect(steppedScale(1, 1)).toBe(1.1);
    expect(steppedScale(1.1, 1)).toBe(1.2);
    expect(steppedScale(0.7, -1)).toBe(0.7);
    expect(steppedScale(2.5, 3)).toBe(2.5);
  });
});
