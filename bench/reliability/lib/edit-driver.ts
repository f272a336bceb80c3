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
  /** Names of the colleagues whose annotated import was acknowledged. */
  ackedAnalysts: Set<string>;
  /** The colleague an annotated import in flight brings (with a layer on the first document), if any. */
  inFlightAnalyst: string | null;
  next: number;
}

export class EditDriver {
  acks = 0;
  /** Acknowledged annotated imports (a colleague's file), counted apart so a run shows they happened. */
  annotatedImports = 0;
  /** Refusals that a valid session should never get (they point at a harness or product bug). */
  readonly refusals: string[] = [];
  private stopped = false;
  private lanes: Promise<void>[] = [];
  private resolveFirst: () => void = () => undefined;
  readonly firstAck = new Promise<void>((resolve) => (this.resolveFirst = resolve));
  private resolveFirstAnnotated: () => void = () => undefined;
  /** Settles when the first annotated import of this run is acknowledged. */
  readonly firstAnnotatedImport = new Promise<void>((resolve) => (this.resolveFirstAnnotated = resolve));

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

  /**
   * Every other import is a colleague's annotated doccano file: a new analyst, a layer on the first document
   * of the session (an update of an existing file) and three new tagged documents, all one batch.
   */
  private async importLane(state: ImportState): Promise<void> {
    while (!this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, 30 + this.random() * 120));
      const articles = generateShortArticles(3, 17, state.next).map((a) => ({
        ...a,
        text: `${this.idPrefix} ${a.text}`,
      }));
      const annotated = state.next % 2 === 1 && this.docs[0] !== undefined;
      const analyst = `Colleague ${this.idPrefix}${state.next}`;
      state.next += 3;
      state.inFlight = articles.map((a) => createHash('sha256').update(a.text, 'utf8').digest('hex'));
      state.inFlightAnalyst = annotated ? analyst : null;
      let result;
      try {
        result = annotated
          ? await this.host.call('import:commit', colleagueFile(analyst, this.docs[0]?.text ?? '', articles))
          : await this.host.call('documents:import', {
              files: [{ name: `batch-${state.next}.jsonl`, dataBase64: base64(toJsonl(articles)) }],
            });
      } catch {
        return;
      }
      state.inFlight = null;
      state.inFlightAnalyst = null;
      // A document import reports what it imported, an annotated one every document it wrote.
      const value = result.ok
        ? (result.value as Partial<ImportReport> & { summaries?: ImportReport['imported'] })
        : {};
      const imported = value.summaries ?? value.imported ?? [];
      if (!result.ok || imported.length < articles.length) {
        this.refusals.push(`import: ${JSON.stringify(result).slice(0, 300)}`);
        return;
      }
      for (const summary of imported) state.acked.set(summary.sha256, summary.id);
      if (annotated) {
        state.ackedAnalysts.add(analyst);
        this.annotatedImports += 1;
        this.resolveFirstAnnotated();
      }
      this.acknowledge();
    }
  }
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** A colleague's doccano export: the first word of `existing` and of each article tagged as an actor. */
export function colleagueFile(analyst: string, existing: string, articles: readonly { text: string }[]) {
  const line = (text: string) => {
    const end = Math.max(1, text.search(/\s/));
    const entities = [{ id: 1, label: 'actor', start_offset: 0, end_offset: end }];
    return JSON.stringify({ text, entities, relations: [] });
  };
  const lines = [existing, ...articles.map((a) => a.text)].map(line);
  return {
    format: 'doccano',
    layer: analyst,
    files: [{ name: `${analyst}.jsonl`, dataBase64: base64(lines.join('\n')) }],
  };
}
