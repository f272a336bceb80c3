// Records keyed by user data (layers, status, meta, attributes, span counts) treat every key as an ordinary
// key: "__proto__", "constructor" and "toString" are ids like any other, in parsed files and in lookups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentRecordSchema } from './document';
import { summarizeDocument } from './summary';
import { emptyRecord, ownEntry, setEntry } from './records';

const TRICKY_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function documentJson(layers: string): string {
  return (
    '{"schemaVersion":1,"id":"d1","title":"T","text":"Some text.","sha256":"' +
    '0'.repeat(64) +
    '","meta":{"__proto__":"m"},"import":{"sourceName":"a.txt","format":"txt","encoding":"utf-8",' +
    '"hadBom":false,"lineEndings":"none","crlfAt":[],"crAt":[],"importedAt":"2026-01-01T00:00:00.000Z"},' +
    `"status":{"__proto__":"done"},"layers":${layers},"revision":0}`
  );
}

const span =
  '{"id":"s1","label":"claim","start":0,"end":4,"quote":"Some","prefix":"","suffix":" text.",' +
  '"attributes":{},"note":"","createdBy":"x","createdAt":"2026-01-01T00:00:00.000Z",' +
  '"updatedAt":"2026-01-01T00:00:00.000Z"}';

describe('records keyed by user data', () => {
  it('keep a "__proto__" layer, status and meta key from a file as ordinary entries', () => {
    const doc = documentRecordSchema.parse(
      JSON.parse(documentJson(`{"__proto__":{"spans":[${span}],"relations":[]}}`)),
    );
    expect(Object.keys(doc.layers)).toEqual(['__proto__']);
    expect(ownEntry(doc.layers, '__proto__')?.spans).toHaveLength(1);
    expect(ownEntry(doc.status, '__proto__')).toBe('done');
    expect(ownEntry(doc.meta, '__proto__')).toBe('m');
  });

  it('name the key of a bad entry in the error path', () => {
    const result = documentRecordSchema.safeParse(
      JSON.parse(documentJson('{"constructor":{"spans":"none","relations":[]}}')),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['layers', 'constructor', 'spans']);
  });

  it('count spans of a "constructor" layer under its own key', () => {
    const doc = documentRecordSchema.parse(
      JSON.parse(documentJson(`{"constructor":{"spans":[${span}],"relations":[]}}`)),
    );
    const summary = summarizeDocument(doc);
    expect(ownEntry(summary.spanCounts, 'constructor')).toEqual({ claim: 1 });
    expect(ownEntry(summary.spanCounts, 'toString')).toBeUndefined();
  });

  it('find nothing for a key that was never set, whatever its name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRICKY_KEYS), fc.string(), (key, other) => {
        const record = emptyRecord<number>();
        if (other !== key) setEntry(record, other, 1);
        expect(ownEntry(record, key)).toBeUndefined();
        setEntry(record, key, 2);
        expect(ownEntry(record, key)).toBe(2);
        expect(Object.keys(record)).toContain(key);
      }),
    );
  });

  it('find an entry set on an ordinary object, even under "__proto__"', () => {
    const record: Record<string, string> = {};
    setEntry(record, '__proto__', 'kept');
    expect(ownEntry(record, '__proto__')).toBe('kept');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse('{"__proto__":"kept"}'));
  });
});
