// Test fixtures for the workspace store (src/main, tests only): temp folders, a small label schema, valid
// documents and spans built the way the importer builds them, and a small workspace seeded with them.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ownEntry,
  setEntry,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type LabelSchema,
  type Span,
  type SpanId,
} from '@shared/model';
import { openWorkspace } from '../workspace-store';

export const testLabelSchema: LabelSchema = {
  labels: [
    {
      id: 'claim',
      name: 'Claim',
      color: '#E69F00',
      lineStyle: 'solid',
      hotkey: '1',
      guideline: '',
      attributes: [],
    },
    {
      id: 'actor',
      name: 'Actor',
      color: '#009E73',
      lineStyle: 'double',
      hotkey: '2',
      guideline: '',
      attributes: [],
    },
  ],
  relationTypes: [],
};

export async function makeTempDir(prefix = 'tagwright-store-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function docId(id: string): DocId {
  return id as DocId;
}

export function makeDocument(
  id: string,
  text = `Text of document ${id}. The minister said it will rain.`,
): DocumentRecord {
  return {
    schemaVersion: 1,
    id: id as DocId,
    title: `Document ${id}`,
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
    meta: { source: 'test' },
    import: {
      sourceName: `${id}.txt`,
      format: 'txt',
      encoding: 'utf-8',
      hadBom: false,
      lineEndings: 'lf',
      crlfAt: [],
      crAt: [],
      importedAt: '2026-01-01T00:00:00.000Z',
    },
    status: {},
    layers: {},
    comments: [],
    rejectedSuggestions: [],
    reviewRejections: [],
    revision: 0,
  };
}

/** A valid span over the first `length` characters of `text`, in the `alice` layer. */
export function makeSpan(n: number, text: string, length = 4): Span {
  return {
    id: `s${n}` as SpanId,
    label: 'claim',
    start: 0,
    end: length,
    quote: text.slice(0, length),
    prefix: '',
    suffix: text.slice(length, length + 32),
    attributes: {},
    note: '',
    createdBy: 'alice' as AnnotatorId,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Appends one span to the `alice` layer (creating it), as an annotation edit would. */
export function addSpan(draft: DocumentRecord, n: number): void {
  const layer = ownEntry(draft.layers, 'alice') ?? { spans: [], relations: [] };
  layer.spans.push(makeSpan(n, draft.text));
  setEntry(draft.layers, 'alice', layer);
}

/** The spans of the `alice` layer (empty when the layer does not exist). */
export function aliceSpans(doc: DocumentRecord): Span[] {
  return ownEntry(doc.layers, 'alice')?.spans ?? [];
}

/** A closed workspace in a new temp folder: documents a, b and c, with one span on b. */
export async function makeSeededWorkspace(): Promise<string> {
  const dir = await makeTempDir();
  const store = await openWorkspace(dir, { owner: 'test', createWith: { labelSchema: testLabelSchema } });
  for (const id of ['a', 'b', 'c']) await store.createDocument(makeDocument(id));
  await store.updateDocument(docId('b'), (draft) => addSpan(draft, 1));
  await store.close();
  return dir;
}
