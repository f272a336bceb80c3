// Checking, copying and serialising a large document in slices (src/main). A document of 50,000 spans takes
// seconds to parse with zod, check and stringify under load; done in one block, every request waits behind
// it. Each step here is a generator that pauses between slices of a few hundred records, and `inSlices` runs
// one, letting the event loop answer whatever arrived once main has worked for a few milliseconds. A file over
// the size a load accepts is refused here, before it is written.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WorkbenchError } from '@shared/api/result';
import {
  documentRecordSchema,
  emptyRecord,
  layerSchema,
  MAX_RELATIONS_PER_LAYER,
  MAX_SPANS_PER_LAYER,
  setEntry,
  type DocumentRecord,
  type Layer,
} from '@shared/model';
import { formatBytes } from './durable-json-file';

/** Records per slice: a fraction of a millisecond of zod, JSON or cloning each. */
export const SLICE_RECORDS = 500;
/** How long main works before it lets waiting requests in. */
const WORK_MS = 8;

/** When main last let the event loop run, for every sliced run alike (a batch is many short runs). */
let lastPause = performance.now();

/** Lets the event loop run when main has worked WORK_MS since the last pause; for loops over many records. */
export async function pauseIfDue(): Promise<void> {
  if (performance.now() - lastPause < WORK_MS) return;
  await nextTurn();
  lastPause = performance.now();
}

/** Runs `steps` to its result, pausing for the event loop whenever main has worked WORK_MS since the last pause. */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    await pauseIfDue();
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

type DocumentParse = ReturnType<typeof documentRecordSchema.safeParse>;

/**
 * `documentRecordSchema.safeParse(value)` in slices, with the same result: the document without the records
 * of its layers is parsed once, then each slice of spans and relations by the layer schema. Whenever that
 * finds a problem (or the value is not shaped for slicing), the whole value is parsed in one go, so a refusal
 * carries exactly the message (and count of problems) the schema gives.
 */
export function* parseDocumentSteps(value: unknown): Generator<void, DocumentParse> {
  const whole = () => documentRecordSchema.safeParse(value);
  const split = splitLayers(value);
  if (split === null) return whole();
  const skeleton = documentRecordSchema.safeParse(split.skeleton);
  if (!skeleton.success) return whole();
  for (const [id, records] of split.layers) {
    if (!Object.hasOwn(skeleton.data.layers, id)) return whole();
    const layer: Layer = { spans: [], relations: [] };
    for (const field of ['spans', 'relations'] as const) {
      for (let at = 0; at < records[field].length; at += SLICE_RECORDS) {
        const slice = records[field].slice(at, at + SLICE_RECORDS);
        const parsed = layerSchema.safeParse({ spans: [], relations: [], [field]: slice });
        if (!parsed.success) return whole();
        for (const record of parsed.data[field]) (layer[field] as unknown[]).push(record);
        yield;
      }
    }
    setEntry(skeleton.data.layers, id, layer);
  }
  return skeleton;
}

interface SplitLayers {
  /** The value with every layer emptied of its spans and relations. */
  skeleton: Plain;
  layers: [string, { spans: unknown[]; relations: unknown[] }][];
}

/** The layers' records apart from the rest, or null when a layer is not a plain object of two arrays in bounds. */
function splitLayers(value: unknown): SplitLayers | null {
  if (!isPlainObject(value) || !isPlainObject(value.layers)) return null;
  const emptied = emptyRecord<Layer>();
  const layers: SplitLayers['layers'] = [];
  for (const id of Object.keys(value.layers)) {
    const layer = value.layers[id];
    if (!isPlainObject(layer)) return null;
    const { spans, relations } = layer;
    if (!Array.isArray(spans) || !Array.isArray(relations)) return null;
    if (spans.length > MAX_SPANS_PER_LAYER || relations.length > MAX_RELATIONS_PER_LAYER) return null;
    setEntry(emptied, id, { spans: [], relations: [] });
    layers.push([id, { spans, relations }]);
  }
  const skeleton: Plain = { ...value };
  skeleton.layers = emptied;
  return { skeleton, layers };
}

/**
 * `JSON.stringify(value)`, the same text, but arrays of more than `slice` items are written a slice at a time
 * and plain objects down to `depth` levels are written key by key (a document's layers are at depth 2).
 */
export function* jsonSteps(
  value: unknown,
  depth = 3,
  slice = SLICE_RECORDS,
): Generator<void, string | undefined> {
  if (Array.isArray(value) && value.length > slice) {
    const parts: string[] = [];
    for (let at = 0; at < value.length; at += slice) {
      parts.push(JSON.stringify(value.slice(at, at + slice)).slice(1, -1));
      yield;
    }
    return `[${parts.join(',')}]`;
  }
  if (depth > 0 && isPlainObject(value) && typeof value.toJSON !== 'function') {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      const json = yield* jsonSteps(item, depth - 1, slice);
      if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The document as its file holds it. */
export async function documentJson(doc: DocumentRecord): Promise<string> {
  return (await inSlices(jsonSteps(doc))) as string;
}

/**
 * The text of the document's file, refused with too-large when it is over `maxBytes`: a file a load would
 * refuse must never be written (it would be written once and then be unusable).
 */
export async function documentFileText(doc: DocumentRecord, maxBytes: number): Promise<string> {
  const text = await documentJson(doc);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return text;
  throw new WorkbenchError(
    'too-large',
    `documents/${doc.id}.json would be ${formatBytes(bytes)}, more than the ${formatBytes(maxBytes)} a ` +
      'document file may hold; nothing was saved.',
    { file: `documents/${doc.id}.json` },
  );
}

/**
 * `structuredClone(value)` a slice at a time: long arrays slice by slice, plain objects down to `depth` levels
 * key by key (as ordinary objects, as structuredClone makes them, keeping a "__proto__" key); deeper parts
 * are cloned by structuredClone itself.
 */
export function* cloneSteps<T>(value: T, depth = 3, slice = SLICE_RECORDS): Generator<void, T> {
  if (Array.isArray(value) && value.length > slice) {
    const copy: unknown[] = [];
    for (let at = 0; at < value.length; at += slice) {
      for (const item of structuredClone(value.slice(at, at + slice))) copy.push(item);
      yield;
    }
    return copy as T;
  }
  if (depth > 0 && isPlainObject(value)) {
    const copy: Plain = {};
    for (const [key, item] of Object.entries(value))
      setEntry(copy, key, yield* cloneSteps(item, depth - 1, slice));
    return copy as T;
  }
  return structuredClone(value);
}

/** A copy of the document to change or hand out, made in slices. */
export function documentCopy(doc: DocumentRecord): Promise<DocumentRecord> {
  return inSlices(cloneSteps(doc));
}
