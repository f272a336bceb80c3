// Decides when a document's journal is folded into its file (src/main): once the document has been idle for
// a while after its last save, at once when the journal grows past a number of entries or bytes, and for
// every document on close. Compaction rewrites the whole file, so it is kept off the path of a save.
import type { JournalState } from './document-files';

export interface CompactionPolicy {
  /** Compact after this long without a save to the document (ms). */
  idleMs: number;
  /** Compact as soon as the journal holds this many entries... */
  maxEntries: number;
  /** ...or this many bytes. */
  maxBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  idleMs: 2000,
  maxEntries: 1000,
  maxBytes: 8 * 1024 * 1024,
};

export class CompactionScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly policy: CompactionPolicy,
    /** Compacts one document (queued behind its saves); failures are its own to handle. */
    private readonly compact: (id: string) => Promise<void>,
  ) {}

  /** Called after each acknowledged append. */
  saved(id: string, journal: JournalState): void {
    this.cancel(id);
    if (journal.entries >= this.policy.maxEntries || journal.bytes >= this.policy.maxBytes) {
      void this.compact(id);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(id);
      void this.compact(id);
    }, this.policy.idleMs);
    timer.unref?.();
    this.timers.set(id, timer);
  }

  cancel(id: string): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(id);
  }

  /** Stops every timer and returns the ids that were waiting (to compact them now). */
  drain(): string[] {
    const ids = [...this.timers.keys()];
    for (const id of ids) this.cancel(id);
    return ids;
  }
}
