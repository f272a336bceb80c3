// The store's use of staged batches (src/main): stage, commit, tell the store to adopt the new state, then put
// the files in place. The commit is the acknowledgement: if anything after it fails, the batch stays owed and
// is finished before any other read or write of the store (`settle`), or by the next open. If the commit itself
// fails, the batch is undone before the error is reported, or, when the disk fails that too, before anything else.
import { ioError } from './io-errors';
import type { FileIO } from './file-io';
import type { WorkspaceLayout } from './layout';
import {
  applyBatch,
  commitBatch,
  rollBackBatch,
  stageBatch,
  type BatchPlan,
  type StagedBatch,
} from './staged-batch';

export class BatchWriter {
  /** A batch whose last steps failed: to be rolled forward (committed) or back (not committed). */
  private owed: { batch: StagedBatch; forward: boolean } | null = null;
  private settling: Promise<void> | null = null;

  constructor(
    private readonly io: FileIO,
    private readonly layout: WorkspaceLayout,
  ) {}

  /** Finishes or undoes the batch still owed, if any; io-error while the disk keeps failing. */
  settle(): Promise<void> {
    const owed = this.owed;
    if (owed === null) return Promise.resolve();
    this.settling ??= (async () => {
      try {
        if (owed.forward) await applyBatch(this.io, owed.batch);
        else await rollBackBatch(this.io, owed.batch);
        this.owed = null;
      } catch (error) {
        const what = owed.forward ? 'finish writing the last batch' : 'undo the last batch that failed';
        throw ioError(what, this.layout.dir, error);
      } finally {
        this.settling = null;
      }
    })();
    return this.settling;
  }

  /**
   * Writes `plan` all or nothing. `adopt` runs once the batch is committed (and only then), so memory follows
   * the disk. Throws io-error naming `action` when the batch was not committed; after the commit it does not.
   */
  async write(plan: BatchPlan, action: string, adopt: () => void): Promise<void> {
    await this.settle();
    let batch: StagedBatch;
    try {
      batch = await stageBatch(this.io, this.layout, plan);
    } catch (error) {
      throw ioError(action, this.layout.dir, error);
    }
    try {
      await commitBatch(this.io, batch);
    } catch (error) {
      await rollBackBatch(this.io, batch).catch(() => {
        this.owed = { batch, forward: false };
      });
      throw ioError(action, this.layout.dir, error);
    }
    adopt();
    await applyBatch(this.io, batch).catch(() => {
      this.owed = { batch, forward: true };
    });
  }
}
