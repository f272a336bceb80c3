// Subscribes a React component to an observable store value, re-rendering only after the next frame is
// painted (src/renderer/hooks). For the side panel and toolbars around the text: a tag or a click must paint
// the text first; their React render and commit (which also measures the text's selection) follow at once
// after, in a task of their own, rather than inside the key handler that made the change.
import { useCallback, useSyncExternalStore } from 'react';
import { afterNextPaint } from '../stores/after-paint';
import type { Observable } from '../stores/observable';

export function useStoreAfterPaint<T>(store: Observable<T>): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      // useSyncExternalStore renders a store change synchronously (in that task's microtasks).
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
