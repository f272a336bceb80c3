import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentRecordSchema, runToEnd, type DocumentRecord, type Relation, type Span } from '@shared/model';
import { makeDocument, makeSpan } from '../../shared/formats/annotations/test-support/bundles';
import { cloneSteps, inSlices, jsonSteps, parseDocumentSteps, SLICE_RECORDS } from './sliced-document';
import { describeZodError } from './validation';

const SENTENCE = 'Ali said the talks went well. ';
const BY = { createdBy: 'ana', createdAt: '2026-01-02T03:04:05.000Z' };

/** A valid document whose layers hold more than two slices of spans and of relations. */
function largeDocument(layerIds: readonly string[] = ['ana']): DocumentRecord {
  const sentences = SLICE_RECORDS + 100;
  const text = SENTENCE.repeat(sentences);
  const layers: Record<string, { spans: Span[]; relations: Relation[] }> = {};
  for (const layerId of layerIds) {
    const spans: Span[] = [];
    const relations: Relation[] = [];
    for (let i = 0; i < sentences; i++) {
      const at = i * SENTENCE.length;
      spans.push(
        makeSpan(`a${i}`, 'actor', text, at, at + 3),
        makeSpan(`c${i}`, 'claim', text, at + 9, at + 14),
      );
      relations.push({ id: `r${i}`, type: 'says', from: `a${i}`, to: `c${i}`, note: '', ...BY } as Relation);
    }
    Object.defineProperty(layers, layerId, { value: { spans, relations }, enumerable: true });
  }
  return { schemaVersion: 1, revision: 0, ...makeDocument('big', 'Big', text, layers) } as DocumentRecord;
}

/** What a parse shows a caller: the parsed data, or the store's sentence about the first problem. */
function outcome(result: ReturnType<typeof documentRecordSchema.safeParse>) {
  return result.success ? { data: result.data } : { reason: describeZodError(result.error) };
}

describe('the document schema in slices', () => {
  it('parses a valid large document to what one parse of the whole gives, layer ids like __proto__ included', async () => {
    const doc = largeDocument(['ana', '__proto__', 'constructor']);
    const sliced = await inSlices(parseDocumentSteps(doc));
    expect(sliced.success).toBe(true);
    expect(outcome(sliced)).toEqual(outcome(documentRecordSchema.safeParse(doc)));
    expect(Object.keys(sliced.data?.layers ?? {})).toEqual(['ana', '__proto__', 'constructor']);
  });

  it('refuses any damaged record with exactly the message of one parse of the whole', () => {
    const doc = largeDocument();
    expect(documentRecordSchema.safeParse(doc).success).toBe(true);
    const layer = doc.layers.ana!;
    fc.assert(
      fc.property(
        fc.constantFrom('spans' as const, 'relations' as const),
        fc.nat(),
        fc.constantFrom('id', 'start', 'end', 'label', 'note', 'createdAt', 'type', 'from', 'extra'),
        fc.oneof(fc.constant(undefined), fc.integer({ min: -3, max: 3 }), fc.string(), fc.constant(null)),
        (field, at, key, value) => {
          const records = layer[field] as unknown as Record<string, unknown>[];
          const index = at % records.length;
          const damaged = structuredClone(doc);
          const target = (damaged.layers.ana![field] as unknown as Record<string, unknown>[])[index]!;
          target[key] = value;
          const sliced = runToEnd(parseDocumentSteps(damaged));
          expect(outcome(sliced)).toEqual(outcome(documentRecordSchema.safeParse(damaged)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a layer over the span limit or not shaped as a layer as one parse of the whole does', () => {
    const doc = largeDocument();
    for (const layer of [[], { spans: 'none', relations: [] }, { spans: [] }, null]) {
      const damaged = { ...doc, layers: { ...doc.layers, bad: layer } };
      const sliced = runToEnd(parseDocumentSteps(damaged));
      expect(sliced.success).toBe(false);
      expect(outcome(sliced)).toEqual(outcome(documentRecordSchema.safeParse(damaged)));
    }
  });
});

/** Any JSON value, how deep to go key by key, and how many array items make a slice. */
const slicedValue = fc.tuple(
  fc.jsonValue({ maxDepth: 5 }),
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 1, max: 3 }),
);

describe('JSON and copies in slices', () => {
  it('writes exactly the text JSON.stringify writes, whatever the value', () => {
    fc.assert(
      fc.property(slicedValue, ([value, depth, slice]) => {
        expect(runToEnd(jsonSteps(value, depth, slice))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('writes a large document as JSON.stringify does', async () => {
    const doc = largeDocument(['ana', '__proto__']);
    expect(await inSlices(jsonSteps(doc))).toBe(JSON.stringify(doc));
  });

  it('copies a value as structuredClone does, sharing nothing with it', () => {
    fc.assert(
      fc.property(slicedValue, ([value, depth, slice]) => {
        const copy = runToEnd(cloneSteps(value, depth, slice));
        expect(copy).toStrictEqual(structuredClone(value));
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
    );
  });
});

describe('running in slices', () => {
  it('lets a timer due meanwhile run before a long computation ends', async () => {
    let timerRan = false;
    let timerRanBeforeEnd = false;
    setTimeout(() => (timerRan = true), 0);
    function* longWork(): Generator<void, number> {
      for (let step = 0; step < 40; step++) {
        const until = performance.now() + 2;
        while (performance.now() < until);
        yield;
      }
      timerRanBeforeEnd = timerRan;
      return 40;
    }
    expect(await inSlices(longWork())).toBe(40);
    expect(timerRanBeforeEnd).toBe(true);
  });
});
