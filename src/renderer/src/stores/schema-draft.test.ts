// The schema editor's working copy: edits become a schema plus the renames that migrate the documents;
// relation ends follow renamed labels and drop deleted ones; values are read from comma-separated text.
import { describe, expect, it } from 'vitest';
import { schema } from '../test-support/fake-api';
import { changeOf, draftOf, hotkeyClashes, newLabel } from './schema-draft';

describe('the schema draft', () => {
  it('sends nothing to rename when nothing was renamed, and the same schema back', () => {
    const change = changeOf(draftOf(schema));
    expect(change.renames).toEqual({ labels: [], relationTypes: [], attributes: [] });
    expect(change.schema).toEqual(schema);
  });

  it('turns an edited id into a rename, and relation ends follow it', () => {
    const draft = draftOf(schema);
    draft.labels[0]!.id = 'statement';
    draft.relationTypes[0]!.id = 'claims';
    const change = changeOf(draft);
    expect(change.renames.labels).toEqual([{ from: 'claim', to: 'statement' }]);
    expect(change.renames.relationTypes).toEqual([{ from: 'says', to: 'claims' }]);
    expect(change.schema.relationTypes[0]).toMatchObject({
      id: 'claims',
      from: ['actor'],
      to: ['statement'],
    });
  });

  it('drops a relation type whose only start label was deleted, and reads attribute values from typed text', () => {
    const draft = draftOf(schema);
    draft.labels = draft.labels.filter((l) => l.id !== 'actor');
    draft.relationTypes[0]!.id = 'states';
    draft.labels[0]!.attributes.push({
      originalId: null,
      id: 'stance',
      name: 'Stance',
      values: 'for, against ,,',
    });
    const change = changeOf(draft);
    expect(change.schema.relationTypes).toEqual([]);
    expect(change.renames.relationTypes).toEqual([]);
    expect(change.schema.labels[0]!.attributes).toEqual([
      { id: 'stance', name: 'Stance', values: ['for', 'against'] },
    ]);
  });

  it('gives a new label an unused id, and names hotkeys that commands already use', () => {
    const draft = draftOf(schema);
    const label = newLabel(draft);
    expect(draft.labels.map((l) => l.id)).not.toContain(label.id);
    draft.labels.push({ ...label, hotkey: 'L' });
    expect(hotkeyClashes(draft, new Map([['l', 'Link the selected span']]))).toEqual([
      'The key l of Label 4 is already “Link the selected span”.',
    ]);
  });
});
