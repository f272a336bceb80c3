// Subscribes a React component to an observable store value, re-rendering only after the next frame is
// painted (src/renderer/hooks). For the side panel and toolbars around the text: a tag or a click must paint
// the text first; their React render and commit (which also measures the text's selection) follow at once
// after, in a task of their own, rather than inside the key handler that made the change.
import { useCallback, useSyncExternalStore } from 'react';
import type { Observable } from '../stores/observable';

/** Calls `notify` once after the next frame, however many changes arrive before it. */
export function afterNextPaint(notify: () => void): { schedule: () => void; cancel: () => void } {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule: () => {
      if (frame !== null || timer !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        // A task after the frame: requestAnimationFrame runs before the frame is drawn, not after.
        timer = setTimeout(() => {
          timer = null;
          // useSyncExternalStore renders a store change synchronously (in this task's microtasks).
          notify();
        });
      });
    },
    cancel: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
    },
  };
}

export function useStoreAfterPaint<T>(store: Observable<T>): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const pending = afterNextPaint(onChange);
      const unsubscribe = store.subscribe(pending.schedule);
      return () => {
        unsubscribe();
        pending.cancel();
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, store.get);
}
