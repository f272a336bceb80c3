// An analyst's session against a running host, as fast as it goes (bench/reliability, Node only): one lane per
// document sends random batches of span ops over HTTP, one at a time, and an import lane adds small JSONL
// corpora. Each lane remembers what was acknowledged and what was in flight, so whatever stops the host (a
// SIGKILL, a second writer) can be judged afterwards against exactly what the analyst was told was saved.
import { createHash } from 'node:crypto';
import type { ImportReport } from '@shared/api';
import { generateShortArticles, toJsonl } from '../../lib/corpus';
import type { ServeProcess } from './built-host';
import { applyToModel, BatchGenerator, wordRanges, type LayerModel, type WireOp } from './edit-model';

export interface LaneDocument {
  docId: string;
  layer: string;
  text: string;
  /** The layer as acknowledged so far. */
  model: LayerModel;
  ackedRevision: number;
  inFlight: WireOp[] | null;
}

export interface ImportState {
  /** sha256 → document id of every acknowledged imported document. */
  acked: Map<string, string>;
  /** sha256 of the documents of the import request in flight, if any. */
  inFlight: string[] | null;
  next: number;
}

export class EditDriver {
  acks = 0;
  /** Refusals that a valid session should never get (they point at a harness or product bug). */
  readonly refusals: string[] = [];
  private stopped = false;
  private lanes: Promise<void>[] = [];
  private resolveFirst: () => void = () => undefined;
  readonly firstAck = new Promise<void>((resolve) => (this.resolveFirst = resolve));

  constructor(
    private readonly host: ServeProcess,
    readonly docs: LaneDocument[],
    readonly imports: ImportState | null,
    private readonly random: () => number,
    private readonly idPrefix: string,
  ) {}

  start(): void {
    this.lanes = this.docs.map((doc, i) => this.editLane(doc, `${this.idPrefix}${i}`));
    if (this.imports !== null) this.lanes.push(this.importLane(this.imports));
  }

  /** Lanes with a request on the wire right now. */
  inFlight(): number {
    return this.docs.filter((d) => d.inFlight !== null).length + (this.imports?.inFlight ? 1 : 0);
  }

  /** Stops sending; resolves when every lane has its last answer (or its connection died). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.lanes);
  }

  private acknowledge(): void {
    this.acks += 1;
    this.resolveFirst();
  }

  private async editLane(doc: LaneDocument, prefix: string): Promise<void> {
    const batches = new BatchGenerator(this.random, wordRanges(doc.text), prefix);
    while (!this.stopped) {
      const ops = batches.next(doc.model);
      doc.inFlight = ops;
      let result;
      try {
        result = await this.host.call('annotations:apply', { docId: doc.docId, layer: doc.layer, ops });
      } catch {
        return; // the host is gone: the batch stays in flight
      }
      doc.inFlight = null;
      if (!result.ok) {
        this.refusals.push(`${doc.docId}: ${result.error.code}: ${result.error.message}`);
        return;
      }
      doc.model = applyToModel(doc.model, ops);
      doc.ackedRevision = (result.value as { revision: number }).revision;
      this.acknowledge();
    }
  }

  private async importLane(state: ImportState): Promise<void> {
    while (!this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, 30 + this.random() * 120));
      const articles = generateShortArticles(3, 17, state.next).map((a) => ({
        ...a,
        text: `${this.idPrefix} ${a.text}`,
      }));
      state.next += 3;
      state.inFlight = articles.map((a) => createHash('sha256').update(a.text, 'utf8').digest('hex'));
      const dataBase64 = Buffer.from(toJsonl(articles)).toString('base64');
      let result;
      try {
        result = await this.host.call('documents:import', {
          files: [{ name: `batch-${state.next}.jsonl`, dataBase64 }],
        });
      } catch {
        return;
      }
      state.inFlight = null;
      if (!result.ok || (result.value as ImportReport).imported.length !== articles.length) {
        this.refusals.push(`import: ${JSON.stringify(result).slice(0, 300)}`);
        return;
      }
      for (const summary of (result.value as ImportReport).imported)
        state.acked.set(summary.sha256, summary.id);
      this.acknowledge();
    }
  }
}
