// Per-document undo/redo stacks of annotation operations (src/renderer/stores). An entry holds the ops that
// redo a change and the ops that undo it; loads never enter the history.
import type { AnnotationOp } from '@shared/api';
import { observable } from './observable';

export interface HistoryEntry {
  redo: AnnotationOp[];
  undo: AnnotationOp[];
}

const MAX_ENTRIES = 500;

export function createHistory() {
  const stacks = new Map<string, { done: HistoryEntry[]; undone: HistoryEntry[] }>();
  /** Bumped on every change so React can re-render undo/redo buttons. */
  const version = observable(0);
  const stackFor = (docId: string) => {
    let stack = stacks.get(docId);
    if (stack === undefined) {
      stack = { done: [], undone: [] };
      stacks.set(docId, stack);
    }
    return stack;
  };
  const bump = () => version.update((v) => v + 1);
  return {
    version,
    reset(docId: string) {
      stacks.delete(docId);
      bump();
    },
    /** `new` clears the redo stack; `undo` moves the entry to redo; `redo` moves it back to undo. */
    record(docId: string, entry: HistoryEntry, kind: 'new' | 'undo' | 'redo') {
      const stack = stackFor(docId);
      if (kind === 'new') {
        stack.done.push(entry);
        if (stack.done.length > MAX_ENTRIES) stack.done.shift();
        stack.undone = [];
      } else if (kind === 'undo') {
        stack.undone.push({ redo: entry.undo, undo: entry.redo });
      } else {
        stack.done.push({ redo: entry.redo, undo: entry.undo });
      }
      bump();
    },
    takeUndo: (docId: string) => stackFor(docId).done.pop(),
    takeRedo: (docId: string) => stackFor(docId).undone.pop(),
    canUndo: (docId: string | undefined) => docId !== undefined && stackFor(docId).done.length > 0,
    canRedo: (docId: string | undefined) => docId !== undefined && stackFor(docId).undone.length > 0,
  };
}
