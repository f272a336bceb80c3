// Schema rules beyond the zod shape: repeated ids and hotkeys, repeated attributes and values, and relation
// types whose ends are not labels are each named; the default schema has none of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelSchemaSchema } from './label-schema';
import { schemaProblems } from './schema-rules';
import { frameSchema } from './test-support/frame-layer';

describe('schema rules', () => {
  it('finds nothing wrong with the default schema', () => {
    const raw: unknown = JSON.parse(readFileSync('data/schema.default.json', 'utf8'));
    expect(schemaProblems(labelSchemaSchema.parse(raw))).toEqual([]);
  });

  it('names a repeated hotkey with both labels, and a repeated label id', () => {
    const schema = structuredClone(frameSchema);
    schema.labels[1]!.hotkey = '1';
    schema.labels[2]!.id = 'claim';
    expect(schemaProblems(schema)).toEqual(
      expect.arrayContaining([
        'Two labels have the id "claim".',
        'The key 1 is given to Claim and Condition.',
      ]),
    );
  });

  it('names a relation type that ends at a label that does not exist', () => {
    const schema = structuredClone(frameSchema);
    schema.labels = schema.labels.filter((l) => l.id !== 'condition');
    expect(schemaProblems(schema)).toEqual([
      'The relation type "conditions" starts at "condition", which is not a label.',
    ]);
  });

  it('names a value listed twice in an attribute', () => {
    const schema = structuredClone(frameSchema);
    schema.labels[0]!.attributes[0]!.values.push('demand');
    expect(schemaProblems(schema)).toEqual(['Claim.Speech act lists the value "demand" twice.']);
  });
});
