import { describe, expect, it } from 'vitest';
import { doccanoCodec } from './doccano';
import { assertRoundTrip, failureOf, parsedOrThrow } from './test-support/round-trip';

const input = (text: string) => [{ name: 'corpus.jsonl', text, hadBom: false }];

describe('doccano codec', () => {
  it('reads back every span, relation, note and attribute it wrote, layer by layer', () => {
    assertRoundTrip(doccanoCodec, { ids: true, relationNotes: true }, (bundle, pkg) => {
      expect(pkg.documents.map((d) => d.id)).toEqual(bundle.documents.map((d) => d.id));
    });
  });

  it("reads doccano's own export: numeric ids and relations by entity id", () => {
    const line = JSON.stringify({
      id: 7,
      text: '😀 Ankara said yes',
      entities: [
        { id: 11, label: 'actor', start_offset: 2, end_offset: 8 },
        { id: 12, label: 'claim', start_offset: 14, end_offset: 17 },
      ],
      relations: [{ id: 3, from_id: 11, to_id: 12, type: 'says' }],
    });
    const [doc] = parsedOrThrow(doccanoCodec.parse(input(line))).documents;
    expect(doc!.id).toBe('7');
    const [layer] = doc!.layers;
    expect(layer!.layer).toBeUndefined();
    expect(layer!.spans.map((s) => [s.id, s.start, s.end, s.quote])).toEqual([
      ['11', 3, 9, 'Ankara'],
      ['12', 15, 18, 'yes'],
    ]);
    expect(layer!.relations).toEqual([{ id: '3', type: 'says', from: '11', to: '12', note: '' }]);
  });

  it('reads the short form of "label" triples', () => {
    const line = JSON.stringify({
      text: 'سوريا 😀 x',
      label: [
        [0, 5, 'actor'],
        [8, 9, 'claim'],
      ],
    });
    const spans = parsedOrThrow(doccanoCodec.parse(input(line))).documents[0]!.layers[0]!.spans;
    expect(spans.map((s) => [s.label, s.quote])).toEqual([
      ['actor', 'سوريا'],
      ['claim', 'x'],
    ]);
  });

  it('names the line and the relation whose end is no entity', () => {
    const good = JSON.stringify({ text: 'ab', entities: [] });
    const bad = JSON.stringify({
      text: 'ab',
      entities: [{ id: 1, label: 'x', start_offset: 0, end_offset: 1 }],
      relations: [{ id: 1, from_id: 1, to_id: 9, type: 'says' }],
    });
    const failure = failureOf(doccanoCodec.parse(input(`${good}\n${bad}\n`)));
    expect(failure).toMatchObject({ file: 'corpus.jsonl', line: 2 });
    expect(failure.message).toBe('line 2: relations[0].to_id is 9, which is no entity of this line');
  });

  it('names the line of an entity without offsets', () => {
    const bad = JSON.stringify({ text: 'ab', entities: [{ id: 1, label: 'x', start_offset: 0 }] });
    const failure = failureOf(doccanoCodec.parse(input(`\n${bad}`)));
    expect(failure.message).toBe('line 2: entities[0].end_offset is missing (a whole number is required)');
  });
});
