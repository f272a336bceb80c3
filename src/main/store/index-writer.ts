// Decides when the derived document index is written to workspace.json (src/main). Saves mark it changed
// and schedule a write at most once per INDEX_FLUSH_DELAY_MS; close and open flush it at once. Rewriting the
// index (which lists every document) on each save would make a save cost the corpus, and the index is
// rebuilt from the document files on open anyway, so a crash before the write loses nothing.
import type { SerialQueue } from './serial-queue';

/** How long document saves may batch up before the index in workspace.json is rewritten. */
export const INDEX_FLUSH_DELAY_MS = 1000;

export class IndexWriter {
  private version = 0;
  private savedVersion = 0;
  private pending: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Writes the index as it is now. */
    private readonly write: () => Promise<void>,
    /** The queue all workspace.json writes share. */
    private readonly queue: SerialQueue,
    /** False while nothing may be written (read-only, lock lost). */
    private readonly mayWrite: () => boolean,
  ) {}

  markChanged(): void {
    this.version += 1;
  }

  /** The version a full workspace.json write is about to carry; pass it to `markSaved` once written. */
  currentVersion(): number {
    return this.version;
  }

  /** True when the index has changes workspace.json does not hold (its last write failed). */
  unsaved(): boolean {
    return this.version !== this.savedVersion;
  }

  markSaved(version: number): void {
    this.savedVersion = version;
  }

  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, INDEX_FLUSH_DELAY_MS);
    this.timer.unref?.();
  }

  /**
   * Writes the index if it changed. Concurrent callers share one pending write. A failure is not reported:
   * the document files are already saved and the index is rebuilt from them on the next open.
   */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.mayWrite()) return Promise.resolve();
    this.pending ??= this.queue.run(async () => {
      this.pending = null;
      const version = this.version;
      if (version === this.savedVersion) return;
      await this.write();
      this.savedVersion = version;
    });
    return this.pending.catch(() => undefined);
  }
}
