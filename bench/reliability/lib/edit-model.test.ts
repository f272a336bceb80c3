// The verdict on a document after its writer stopped: acknowledged state, or that plus the batch in flight;
// anything else loses acknowledged spans or shows half a batch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../lib/corpus';
import { applyToModel, BatchGenerator, judge, wordRanges, type LayerModel, type WireOp } from './edit-model';

const TEXT = 'Erdogan said 👩‍👩‍👧 the border stays closed, if the talks fail. The envoy agreed.';
const span = (id: string, start: number, end: number): WireOp => ({
  kind: 'add-span',
  span: { id, label: 'claim', start, end },
});

describe('judging a layer read back from disk', () => {
  const acked: LayerModel = applyToModel(new Map(), [span('a', 0, 7), span('b', 8, 12)]);
  const inFlight: WireOp[] = [{ kind: 'remove-span', spanId: 'a' }, span('c', 13, 20)];

  it('accepts the acknowledged state and the state with the batch in flight applied', () => {
    expect(judge(acked, acked, inFlight)).toEqual({ kind: 'ok' });
    expect(judge(applyToModel(acked, inFlight), acked, inFlight)).toEqual({ kind: 'ok' });
  });

  it('names the acknowledged spans that are gone', () => {
    expect(judge(applyToModel(acked, [{ kind: 'remove-span', spanId: 'b' }]), acked, null)).toEqual({
      kind: 'lost',
      spanIds: ['b'],
    });
  });

  it('calls half of the batch in flight partial', () => {
    expect(judge(applyToModel(acked, inFlight.slice(1)), acked, inFlight)).toEqual({ kind: 'partial' });
  });

  it('accepts any generated batch in flight once it is applied whole', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const batches = new BatchGenerator(seeded(seed), wordRanges(TEXT), 'p');
        let model: LayerModel = new Map();
        for (let i = 0; i < 5; i++) model = applyToModel(model, batches.next(model));
        const batch = batches.next(model);
        expect(judge(applyToModel(model, batch), model, batch)).toEqual({ kind: 'ok' });
      }),
    );
  });
});

describe('word ranges', () => {
  it('never split a surrogate pair', () => {
    for (const { start, end } of wordRanges(TEXT)) {
      expect(/^[\uDC00-\uDFFF]/.test(TEXT.slice(start, end))).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(TEXT.slice(start, end))).toBe(false);
    }
  });
});
