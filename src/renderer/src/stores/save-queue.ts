// Sends one document's annotation changes to main one request at a time, in order (src/renderer/stores).
// Changes queued while a request is out are sent together as the next batch, so typing a note costs one
// request in flight, not one per keystroke; consecutive note edits of the same span keep only the last.
import type { AnnotationOp, ApiError, ApplyResult, Result } from '@shared/api';
import type { DocId, LayerId } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import type { SaveTracker } from './save-tracker';

export interface SaveCallbacks {
  onSaved(result: ApplyResult): void;
  onFailed(error: ApiError): void;
}

type Batch =
  | { kind: 'ops'; layer: LayerId; ops: AnnotationOp[] }
  /** Another saving call that must keep its place in the order (a review decision). */
  | { kind: 'call'; run: () => Promise<Result<unknown>> };

export class SaveQueue {
  private waiting: Batch[] = [];
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly api: TagwrightApi,
    private readonly docId: DocId,
    private readonly tracker: SaveTracker,
    private readonly callbacks: SaveCallbacks,
  ) {}

  enqueue(layer: LayerId, ops: readonly AnnotationOp[]): void {
    const last = this.waiting.at(-1);
    if (last?.kind === 'ops' && last.layer === layer) {
      for (const op of ops) appendCoalesced(last.ops, op);
    } else {
      this.waiting.push({ kind: 'ops', layer, ops: [...ops] });
      this.tracker.started();
    }
    this.pump();
  }

  enqueueCall(run: () => Promise<Result<unknown>>): void {
    this.waiting.push({ kind: 'call', run });
    this.tracker.started();
    this.pump();
  }

  /** Resolves when everything queued so far has been answered. */
  async idle(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
  }

  /**
   * The page is going away (reload, window closed): send what waits at once, without waiting for the
   * request in flight; the browser finishes keepalive requests after the page is gone.
   */
  flushNow(): void {
    const batches = this.waiting;
    this.waiting = [];
    for (const batch of batches) void this.send(batch);
  }

  get pending(): boolean {
    return this.inFlight !== null || this.waiting.length > 0;
  }

  private pump(): void {
    if (this.inFlight !== null) return;
    const batch = this.waiting.shift();
    if (batch === undefined) return;
    this.inFlight = (async () => {
      const result = await this.send(batch);
      if (result.ok) {
        this.tracker.finished({ ok: true });
        if (batch.kind === 'ops') this.callbacks.onSaved(result.value as ApplyResult);
      } else {
        // What was queued after the failed batch was built on it: drop it too; the document reloads.
        for (let i = 0; i < this.waiting.length; i++) this.tracker.finished({ ok: true });
        this.waiting = [];
        this.tracker.finished({ ok: false, message: result.error.message });
        this.callbacks.onFailed(result.error);
      }
    })().finally(() => {
      this.inFlight = null;
      this.pump();
    });
  }

  private send(batch: Batch): Promise<Result<unknown>> {
    if (batch.kind === 'call') return batch.run();
    return this.api['annotations:apply']({ docId: this.docId, layer: batch.layer, ops: batch.ops });
  }
}

/** Appends `op`, replacing a note-only update of the same span still waiting to be sent. */
function appendCoalesced(ops: AnnotationOp[], op: AnnotationOp): void {
  const last = ops.at(-1);
  const noteOnly = (o: AnnotationOp | undefined) =>
    o?.kind === 'update-span' && Object.keys(o.changes).length === 1 && o.changes.note !== undefined;
  if (noteOnly(op) && last?.kind === 'update-span' && noteOnly(last) && op.kind === 'update-span') {
    if (last.spanId === op.spanId) {
      ops[ops.length - 1] = op;
      return;
    }
  }
  ops.push(op);
}
