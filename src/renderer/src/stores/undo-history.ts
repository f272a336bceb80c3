// One document's undo/redo stacks of annotation operations (src/renderer/stores). An entry holds the ops that
// redo a change and the ops that undo it; loads and other windows' changes never enter it. Consecutive edits
// with the same merge key (typing a note) become one entry, so one undo takes back the whole note.
import type { AnnotationOp } from '@shared/api';
import type { LayerId } from '@shared/model';

/** Rejections of proposals while adjudicating (they live beside the layers, not in one). */
export interface RejectionChange {
  reject: { layer: LayerId; id: string }[];
  unreject: { layer: LayerId; id: string }[];
  reason: string;
}

/** One undoable step: ops on a layer, and the rejections made in the same step (an adjudication decision). */
export interface HistoryEntry {
  layer: LayerId;
  redo: AnnotationOp[];
  undo: AnnotationOp[];
  redoRejections?: RejectionChange;
  undoRejections?: RejectionChange;
  /** Edits with the same key in a row merge into this entry. */
  mergeKey?: string;
}

const MAX_ENTRIES = 500;

export class UndoHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];

  /** A new change: clears redo; merges into the newest entry when both carry the same merge key. */
  record(entry: HistoryEntry): void {
    const last = this.done.at(-1);
    if (
      entry.mergeKey !== undefined &&
      last?.mergeKey === entry.mergeKey &&
      last.layer === entry.layer &&
      this.undone.length === 0
    ) {
      last.redo = [...last.redo, ...entry.redo];
      last.undo = [...entry.undo, ...last.undo];
      return;
    }
    this.done.push(entry);
    if (this.done.length > MAX_ENTRIES) this.done.shift();
    this.undone = [];
  }

  /** Ends merging: the next edit with the same key starts a new entry (the note field lost focus). */
  seal(): void {
    const last = this.done.at(-1);
    if (last !== undefined) delete last.mergeKey;
  }

  takeUndo(): HistoryEntry | undefined {
    const entry = this.done.pop();
    if (entry !== undefined) this.undone.push(withoutMerge(entry));
    return entry;
  }

  takeRedo(): HistoryEntry | undefined {
    const entry = this.undone.pop();
    if (entry !== undefined) this.done.push(withoutMerge(entry));
    return entry;
  }

  /** Puts an entry back after its undo or redo could not be applied (the layer changed elsewhere). */
  restore(kind: 'undo' | 'redo'): void {
    if (kind === 'undo') {
      const entry = this.undone.pop();
      if (entry !== undefined) this.done.push(entry);
    } else {
      const entry = this.done.pop();
      if (entry !== undefined) this.undone.push(entry);
    }
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}

function withoutMerge({ mergeKey: _mergeKey, ...entry }: HistoryEntry): HistoryEntry {
  return entry;
}
