import { describe, expect, it } from 'vitest';
import { labelStudioCodec } from './label-studio';
import { makeDocument, testSchema } from './test-support/bundles';
import { assertRoundTrip, failureOf, parsedOrThrow } from './test-support/round-trip';

const input = (text: string) => [{ name: 'tasks.json', text, hadBom: false }];

describe('Label Studio codec', () => {
  it('reads back every span, note, attribute and relation it wrote (relation notes excepted)', () => {
    assertRoundTrip(labelStudioCodec, { ids: true, relationIds: false, relationNotes: false });
  });

  it('reports the relation notes it could not write', () => {
    const span = (id: string, start: number, end: number, quote: string) =>
      ({ id, label: 'claim', start, end, quote, prefix: '', suffix: '', attributes: {}, note: '' }) as never;
    const relation = {
      id: 'r1',
      type: 'says',
      from: 'a',
      to: 'b',
      note: 'disputed',
      createdBy: 'ana',
      createdAt: '',
    };
    const doc = makeDocument('d1', 'Talks', 'ab', {
      ana: { spans: [span('a', 0, 1, 'a'), span('b', 1, 2, 'b')], relations: [relation as never] },
    });
    const output = labelStudioCodec.serialize({
      schema: testSchema,
      annotators: [],
      documents: [doc],
      exportedAt: '',
      exportedBy: '',
    });
    expect(output.warnings).toEqual([
      {
        document: 'Talks',
        message: '1 relation note(s) of layer ana not written: Label Studio relations carry no text',
      },
    ]);
  });

  it('reads a task as Label Studio exports it: numeric annotator, relation direction and region meta', () => {
    const task = {
      id: 12,
      data: { text: '👩‍👩‍👧 Ankara said yes' },
      annotations: [
        {
          completed_by: 3,
          result: [
            {
              id: 'a',
              from_name: 'label',
              to_name: 'text',
              type: 'labels',
              value: { start: 6, end: 12, text: 'Ankara', labels: ['actor'] },
            },
            {
              id: 'c',
              from_name: 'label',
              to_name: 'text',
              type: 'labels',
              value: { start: 18, end: 21, labels: ['claim'] },
              meta: { text: ['check'] },
            },
            { type: 'relation', from_id: 'c', to_id: 'a', direction: 'left', labels: ['says'] },
          ],
        },
      ],
    };
    const [doc] = parsedOrThrow(labelStudioCodec.parse(input(JSON.stringify([task])))).documents;
    expect(doc!.id).toBe('12');
    const [layer] = doc!.layers;
    expect(layer!.layer).toBe('3');
    expect(layer!.spans.map((s) => [s.id, s.quote, s.note])).toEqual([
      ['a', 'Ankara', ''],
      ['c', 'yes', 'check'],
    ]);
    expect(layer!.relations.map((r) => [r.type, r.from, r.to])).toEqual([['says', 'a', 'c']]);
  });

  it('names the line of a region whose text differs from the task text', () => {
    const json = JSON.stringify(
      [
        {
          data: { text: 'a😀b' },
          annotations: [
            {
              result: [
                { id: 'x', type: 'labels', value: { start: 2, end: 3, text: 'a', labels: ['claim'] } },
              ],
            },
          ],
        },
      ],
      null,
      2,
    );
    const failure = failureOf(labelStudioCodec.parse(input(json)));
    expect(failure.file).toBe('tasks.json');
    expect(failure.line).toBe(json.split('\n').findIndex((l) => l.includes('"value"')) + 1);
    expect(failure.message).toMatch(
      /\[0\]\.annotations\[0\]\.result\[0\]\.value quotes "a" but the text at 2–3 \(code points\) reads "b"/,
    );
  });

  it('refuses a label or relation type that cannot be an id, naming its line and the name', () => {
    const task = (label: string, relation: string) => [
      {
        data: { text: 'Ankara says no' },
        annotations: [
          {
            result: [
              { id: 'a', type: 'labels', value: { start: 0, end: 6, text: 'Ankara', labels: [label] } },
              { id: 'b', type: 'labels', value: { start: 12, end: 14, text: 'no', labels: ['claim'] } },
              { type: 'relation', from_id: 'a', to_id: 'b', labels: [relation] },
            ],
          },
        ],
      },
    ];
    for (const [json, name, key] of [
      [JSON.stringify(task('actor', 'sa((('), null, 2), 'relation type "sa((("', '"sa((("'],
      [JSON.stringify(task('Named Entity', 'says'), null, 2), 'label "Named Entity"', '"Named Entity"'],
    ] as const) {
      const failure = failureOf(labelStudioCodec.parse(input(json)));
      expect(failure.file).toBe('tasks.json');
      expect(failure.line).toBe(json.split('\n').findIndex((l) => l.includes(key)) + 1);
      expect(failure.message).toContain(`the ${name}, which is not an id`);
    }
  });

  it('names the line of a syntax error', () => {
    const failure = failureOf(
      labelStudioCodec.parse(input('[\n  {"data": {"text": "x"}},\n  {"data": }\n]')),
    );
    expect(failure).toMatchObject({ line: 3 });
    expect(failure.message).toMatch(/^line 3: not valid JSON \(ValueExpected at column 12\)/);
  });
});
