// A scripted stand-in for the backend in renderer unit tests (src/renderer/test-support): every contract
// method is a mock that answers from a small in-memory document store unless a test overrides it.
import { vi } from 'vitest';
import type { ApplyResult, Result } from '@shared/api';
import {
  LayerIndex,
  applyOps,
  summarizeDocument,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type LabelSchema,
} from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { DocumentSession } from '../stores/document-session';
import { createSaveTracker } from '../stores/save-tracker';

export const schema: LabelSchema = {
  labels: ['claim', 'condition', 'actor'].map((id) => ({
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    color: '#000000',
    lineStyle: 'solid' as const,
    guideline: '',
    attributes: [],
  })),
  relationTypes: [{ id: 'says', name: 'says', from: ['actor'], to: ['claim'] }],
};

export function documentRecord(id: string, text: string): DocumentRecord {
  return {
    schemaVersion: 1,
    id: id as DocId,
    title: `Doc ${id}`,
    text,
    sha256: 'a'.repeat(64),
    meta: {},
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

/** An api whose document:get and annotations:apply work on `docs` like main would. */
export function fakeApi(docs: DocumentRecord[]) {
  const store = new Map(docs.map((d) => [d.id as string, structuredClone(d)]));
  const api = {
    'document:get': vi.fn(async ({ docId }: { docId: string }): Promise<Result<DocumentRecord>> => {
      const doc = store.get(docId);
      return doc
        ? { ok: true, value: structuredClone(doc) }
        : { ok: false, error: { code: 'not-found', message: 'gone' } };
    }),
    'annotations:apply': vi.fn(
      async ({
        docId,
        layer,
        ops,
      }: {
        docId: string;
        layer: string;
        ops: never[];
      }): Promise<Result<ApplyResult>> => {
        const doc = store.get(docId)!;
        const index = new LayerIndex(doc.layers[layer as AnnotatorId]);
        const { delta } = applyOps(index, ops, {
          text: doc.text,
          schema,
          annotator: layer as AnnotatorId,
          now: '2026-01-02T00:00:00.000Z',
        });
        doc.layers[layer as AnnotatorId] = index.toLayer();
        doc.revision += 1;
        return { ok: true, value: { summary: summarizeDocument(doc), revision: doc.revision, delta } };
      },
    ),
  };
  return { api: api as unknown as TagwrightApi, calls: api, store };
}

/** Resolves after every queued microtask and timer callback of this turn. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An open document of `annotator`'s own layer over a fake api, saving without side effects. */
export function ownSession(doc: DocumentRecord, api: TagwrightApi, annotator: AnnotatorId): DocumentSession {
  return new DocumentSession(doc, annotator, annotator, {
    api,
    tracker: createSaveTracker(),
    schema: () => schema,
    onSaved: () => {},
    onSaveFailed: () => {},
  });
}
