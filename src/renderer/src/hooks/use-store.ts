// Subscribes a React component to an observable store value (src/renderer/hooks).
import { useSyncExternalStore } from 'react';
import type { Observable } from '../stores/observable';

export function useStore<T>(store: Observable<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
