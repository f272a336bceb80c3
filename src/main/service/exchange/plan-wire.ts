// How an import plan crosses between the worker thread and the main thread (src/main). A plan of 200,000
// spans is tens of megabytes: received as objects it would be deserialised in one block on the main thread
// (seconds under load, with every request waiting). So the worker sends the big arrays as JSON strings of a
// few thousand records each (a string crosses as one copy) and the main thread parses them one chunk at a
// time, yielding between chunks so a request that arrives meanwhile is answered.
import { WorkbenchError, type ErrorCode } from '@shared/api';
import {
  setEntry,
  type Comment,
  type DocId,
  type DocumentRecord,
  type Layer,
  type LayerId,
  type Relation,
  type Span,
} from '@shared/model';

/** Records per chunk: a few milliseconds of JSON.parse each. */
export const CHUNK_RECORDS = 2_000;

/** A layer as the worker sends it: spans and relations as JSON arrays of at most CHUNK_RECORDS each. */
export interface WireLayer {
  layer: LayerId;
  spans: string[];
  relations: string[];
}

/** A new document: the record without its layers (as JSON), and its layers. */
export interface WireDocument {
  record: string;
  layers: WireLayer[];
}

export interface WireUpdate {
  docId: DocId;
  layers: WireLayer[];
  comments: Comment[];
}

/** A refusal made on the worker, carried back as data so its code, message and file/line survive. */
export interface WireRefusal {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export function refusalOf(error: unknown): WireRefusal {
  if (error instanceof WorkbenchError) {
    return { ok: false, code: error.code, message: error.message, details: error.details };
  }
  throw error;
}

export function throwRefusal(refusal: WireRefusal): never {
  throw new WorkbenchError(refusal.code, refusal.message, refusal.details);
}

export function chunked<T>(items: readonly T[]): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < items.length; at += CHUNK_RECORDS)
    chunks.push(JSON.stringify(items.slice(at, at + CHUNK_RECORDS)));
  return chunks;
}

export function wireLayer(layer: LayerId, content: Layer): WireLayer {
  return { layer, spans: chunked(content.spans), relations: chunked(content.relations) };
}

/** Lets the event loop answer whatever arrived (a request, a timer) before the next chunk. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function unchunk<T>(chunks: readonly string[]): Promise<T[]> {
  const items: T[] = [];
  for (const chunk of chunks) {
    for (const item of JSON.parse(chunk) as T[]) items.push(item);
    await yieldToEvents();
  }
  return items;
}

export async function layerFromWire(wire: WireLayer): Promise<Layer> {
  const spans = await unchunk<Span>(wire.spans);
  const relations = await unchunk<Relation>(wire.relations);
  return { spans, relations };
}

export async function documentFromWire(wire: WireDocument): Promise<DocumentRecord> {
  const record = JSON.parse(wire.record) as DocumentRecord;
  for (const layer of wire.layers) setEntry(record.layers, layer.layer, await layerFromWire(layer));
  return record;
}
