// Store invariants under random editing: whatever sequence of valid and invalid operations an analyst's
// renderer sends, what is on disk after reopening equals a simple model, every quote matches the text, and
// the index counts agree with the document. Refused batches change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportReport, RequestOf, WorkspaceView } from '@shared/api';
import type { DocumentRecord, LayerId } from '@shared/model';
import { openWorkbench } from './open-workbench';
import { base64, tempWorkbench, valueOf } from './test-support';

const TEXT = 'Erdogan said 👩‍👩‍👧 the border stays closed.\nقال الوزير إن الجيش سيبقى.\nEnd.';
const LABELS = ['claim', 'condition', 'actor', 'villain'];

/** An op as the renderer sends it (ids are plain strings before validation brands them). */
type WireOp = RequestOf<'annotations:apply'>['ops'][number];
type ModelSpan = { id: string; label: string; start: number; end: number; note: string };

const opArbitrary = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: -2, max: TEXT.length + 2 }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom(...LABELS),
    )
    .map(([start, length, label]) => ({ kind: 'add' as const, start, end: start + length, label })),
  fc.nat({ max: 20 }).map((index) => ({ kind: 'remove' as const, index })),
  fc
    .tuple(fc.nat({ max: 20 }), fc.constantFrom(...LABELS), fc.string({ maxLength: 8 }))
    .map(([index, label, note]) => ({ kind: 'update' as const, index, label, note })),
);

/** Whether main must accept the op: a known label over a non-empty range that splits no surrogate pair. */
function valid(start: number, end: number, label: string): boolean {
  const splits = (i: number) => i > 0 && i < TEXT.length && /[\uDC00-\uDFFF]/.test(TEXT[i]!);
  return (
    label !== 'villain' && start >= 0 && end <= TEXT.length && start < end && !splits(start) && !splits(end)
  );
}

describe('annotation store invariants', () => {
  it('what reopens from disk equals the model after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 12 }), async (plan) => {
        const wb = await tempWorkbench();
        try {
          const view = valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
          const layer = view.localAnnotator!.id as string as LayerId;
          const report = valueOf<ImportReport>(
            await wb.dispatch('documents:import', { files: [{ name: 'r.txt', dataBase64: base64(TEXT) }] }),
          );
          const docId = report.imported[0]!.id;
          let model: ModelSpan[] = [];
          for (const [n, step] of plan.entries()) {
            const target = 'index' in step ? model[step.index % Math.max(model.length, 1)] : undefined;
            let op: WireOp;
            let expectOk: boolean;
            let next: ModelSpan[];
            if (step.kind === 'add') {
              op = {
                kind: 'add-span',
                span: { id: `s${n}`, label: step.label, start: step.start, end: step.end },
              };
              expectOk = valid(step.start, step.end, step.label);
              next = [
                ...model,
                { id: `s${n}`, label: step.label, start: step.start, end: step.end, note: '' },
              ];
            } else if (step.kind === 'remove') {
              op = { kind: 'remove-span', spanId: target?.id ?? 'missing' };
              expectOk = target !== undefined;
              next = model.filter((s) => s.id !== target?.id);
            } else {
              op = {
                kind: 'update-span',
                spanId: target?.id ?? 'missing',
                changes: { label: step.label, note: step.note },
              };
              expectOk = target !== undefined && step.label !== 'villain';
              next = model.map((s) =>
                s.id === target?.id ? { ...s, label: step.label, note: step.note } : s,
              );
            }
            const result = await wb.dispatch('annotations:apply', { docId, layer, ops: [op] });
            expect(result.ok).toBe(expectOk);
            if (result.ok) model = next;
          }
          await wb.close();
          const reopened = await openWorkbench(wb.store.dir, { owner: 'cli', withSample: false });
          try {
            const doc = valueOf<DocumentRecord>(await reopened.dispatch('document:get', { docId }));
            const stored = doc.layers[layer]?.spans ?? [];
            const key = (s: ModelSpan) => `${s.id}|${s.label}|${s.start}|${s.end}|${s.note}`;
            expect(stored.map(key).sort()).toEqual(model.map(key).sort());
            for (const span of stored) expect(doc.text.slice(span.start, span.end)).toBe(span.quote);
            const counts = reopened.store.documents()[0]!.spanCounts[layer] ?? {};
            for (const label of LABELS) {
              expect(counts[label] ?? 0).toBe(model.filter((s) => s.label === label).length);
            }
          } finally {
            await reopened.close();
          }
        } finally {
          await wb.cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});
