// The journal against a model (src/main): any sequence of annotation batches (valid or refused), compactions,
// peeks by another reader and reopenings leaves the store, and whatever is read back from disk, equal to the
// same batches applied to a plain record by the shared ops module, index entry included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '@shared/api/result';
import {
  OpError,
  applyOpsToLayer,
  ownEntry,
  setEntry,
  summarizeDocument,
  type AnnotationOp,
  type AnnotatorId,
  type DocumentRecord,
  type LayerId,
} from '@shared/model';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { docId, makeDocument, makeTempDir, removeDir, testLabelSchema } from './test-support/fixtures';

const TEXT = 'Erdogan said 👩‍👩‍👧 the border stays closed.\nقال الوزير إن الجيش سيبقى.\nEnd.';
const LABELS = ['claim', 'actor', 'villain'];
const AT = '2026-02-02T00:00:00.000Z';
const A = docId('a');

const opArbitrary: fc.Arbitrary<AnnotationOp> = fc.oneof(
  fc
    .tuple(fc.nat({ max: 9 }), fc.nat({ max: TEXT.length }), fc.nat({ max: 20 }), fc.constantFrom(...LABELS))
    .map(([n, start, length, label]) => ({
      kind: 'add-span' as const,
      span: { id: `s${n}`, label, start, end: start + length },
    })),
  fc.nat({ max: 9 }).map((n) => ({ kind: 'remove-span' as const, spanId: `s${n}` })),
  fc
    .tuple(fc.nat({ max: 9 }), fc.constantFrom(...LABELS), fc.string({ maxLength: 6 }))
    .map(([n, label, note]) => ({ kind: 'update-span' as const, spanId: `s${n}`, changes: { label, note } })),
) as fc.Arbitrary<AnnotationOp>;

type Action =
  { kind: 'apply'; ops: AnnotationOp[] } | { kind: 'compact' } | { kind: 'peek' } | { kind: 'reopen' };

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(opArbitrary, { minLength: 1, maxLength: 4 })
      .map((ops) => ({ kind: 'apply' as const, ops })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'peek' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

/** The model: the batch applied to a plain record, or nothing when the ops module refuses it. */
function applyToModel(model: DocumentRecord, ops: AnnotationOp[]): void {
  try {
    const ctx = { text: model.text, schema: testLabelSchema, annotator: 'alice' as AnnotatorId, now: AT };
    const { layer } = applyOpsToLayer(
      ownEntry(model.layers, 'alice') ?? { spans: [], relations: [] },
      ops,
      ctx,
    );
    setEntry(model.layers, 'alice', layer);
    setEntry(model.status, 'alice', 'in-progress');
    model.revision += 1;
  } catch (error) {
    if (!(error instanceof OpError)) throw error;
  }
}

/** A refused batch is expected (the model decides which); any other failure is not. */
function refusedOnly(error: unknown): void {
  if (
    !(error instanceof WorkbenchError) ||
    !['invalid-request', 'not-found', 'conflict'].includes(error.code)
  )
    throw error;
}

async function expectEqual(store: WorkspaceStore, model: DocumentRecord): Promise<void> {
  const doc = await store.readDocument(A);
  expect(doc).toEqual(model);
  expect(store.documents()).toEqual([summarizeDocument(model)]);
}

describe('the journalled store', () => {
  it('equals the model after any sequence of saves, compactions, peeks and reopenings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArbitrary, { minLength: 1, maxLength: 12 }), async (actions) => {
        const dir = await makeTempDir();
        const options = { owner: 'test' as const, compaction: { idleMs: 60_000 }, backupIntervalMinutes: 0 };
        let store = await openWorkspace(dir, { ...options, createWith: { labelSchema: testLabelSchema } });
        try {
          const model = structuredClone(makeDocument('a', TEXT));
          await store.createDocument(model);
          for (const action of actions) {
            if (action.kind === 'apply') {
              applyToModel(model, action.ops);
              const change = {
                layer: 'alice' as LayerId,
                ops: action.ops,
                by: 'alice' as AnnotatorId,
                at: AT,
              };
              await store.applyAnnotations(A, { ...change, startStatusOf: 'alice' }).catch(refusedOnly);
            } else if (action.kind === 'compact') {
              await store.compact(A);
            } else if (action.kind === 'peek') {
              const reader = await openWorkspace(dir, { owner: 'test', readOnly: true });
              await expectEqual(reader, model);
              await reader.close();
            } else {
              await store.close();
              store = await openWorkspace(dir, options);
            }
            await expectEqual(store, model);
          }
        } finally {
          await store.close();
          await removeDir(dir);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
