// Changing the schema of a workspace in use: a renamed label is migrated in every document and the workspace
// reopens without damage; deleting a label with spans needs the count confirmed; a write failing half-way
// puts back every document and the old schema; a schema with repeated hotkeys is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SchemaChange, SchemaPreview } from '@shared/api';
import type { DocId, DocumentRecord, LabelSchema } from '@shared/model';
import { WorkbenchError } from '@shared/api';
import { openWorkspace, type WorkspaceStore } from '../store/workspace-store';
import { applySchemaChange } from './schema-change';
import { linkOp, tagOps, taggedWorkspace, tempWorkbench, valueOf } from './test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
beforeEach(async () => {
  wb = await tempWorkbench();
});
afterEach(async () => wb.cleanup());

const TEXT = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.';
const frameOps = (text: string) => [
  ...tagOps(text, [
    ['Damascus', 'actor'],
    ['Turkey withdraw its forces as a precondition for a meeting', 'claim'],
    ['Turkey withdraw its forces', 'condition'],
  ]),
  linkOp('r1', 'says', 's0', 's1'),
  linkOp('r2', 'conditions', 's2', 's1'),
];
const noRenames = { labels: [], relationTypes: [], attributes: [] };

function schemaWith(change: (schema: LabelSchema) => void): LabelSchema {
  const schema = structuredClone(wb.store.workspace().labelSchema) as LabelSchema;
  change(schema);
  return schema;
}

const withoutCondition = () =>
  schemaWith((s) => {
    s.labels = s.labels.filter((l) => l.id !== 'condition');
    s.relationTypes = s.relationTypes.filter((t) => t.id !== 'conditions');
  });

describe('changing the schema of a workspace in use', () => {
  it('migrates a renamed label in every document, so the workspace reopens without damage', async () => {
    const { docIds, layer } = await taggedWorkspace(wb, [
      { name: 'a.txt', text: TEXT, ops: frameOps },
      { name: 'b.txt', text: `${TEXT} Again.`, ops: frameOps },
    ]);
    const schema = schemaWith((s) => {
      s.labels[0]!.id = 'statement';
      for (const type of s.relationTypes) type.to = ['statement'];
    });
    const change: SchemaChange = {
      schema,
      renames: { ...noRenames, labels: [{ from: 'claim', to: 'statement' }] },
    };
    const preview = valueOf<SchemaPreview>(await wb.dispatch('schema:preview', change));
    expect(preview).toMatchObject({ losses: 0, problems: [], impact: { documents: 2, spansRenamed: 2 } });
    valueOf(await wb.dispatch('schema:update', change));
    // Read back from disk by a second, read-only store, which checks every document against the schema.
    const reopened = await openWorkspace(wb.store.dir, { owner: 'cli', readOnly: true });
    expect(reopened.problems).toEqual([]);
    for (const docId of docIds) {
      const doc = await reopened.readDocument(docId as DocId);
      expect(doc.layers[layer]!.spans.map((s) => s.label).sort()).toEqual([
        'actor',
        'condition',
        'statement',
      ]);
      expect(doc.layers[layer]!.relations).toHaveLength(2);
    }
    await reopened.close();
  });

  it('refuses to delete a label with spans until the analyst confirms what the preview counted', async () => {
    const { docIds, layer } = await taggedWorkspace(wb, [{ name: 'a.txt', text: TEXT, ops: frameOps }]);
    const change: SchemaChange = { schema: withoutCondition(), renames: noRenames };
    const preview = valueOf<SchemaPreview>(await wb.dispatch('schema:preview', change));
    expect(preview.impact.spansRemoved).toEqual([{ label: 'condition', count: 1 }]);
    expect(preview.losses).toBe(2);
    const refused = await wb.dispatch('schema:update', change);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok)
      expect(refused.error.message).toContain('1 condition span(s), 1 relation(s) in 1 document(s)');
    expect(wb.store.workspace().labelSchema.labels.map((l) => l.id)).toContain('condition');
    valueOf(await wb.dispatch('schema:update', { ...change, confirmLosses: preview.losses }));
    const doc = await wb.store.readDocument(docIds[0] as DocId);
    expect(doc.layers[layer]!.spans.map((s) => s.label)).toEqual(['actor', 'claim']);
    expect(doc.layers[layer]!.relations.map((r) => r.type)).toEqual(['says']);
  });

  it('puts back every document and the old schema when a write fails half-way', async () => {
    const { docIds } = await taggedWorkspace(wb, [
      { name: 'a.txt', text: TEXT, ops: frameOps },
      { name: 'b.txt', text: `${TEXT} Again.`, ops: frameOps },
    ]);
    const before = await Promise.all(docIds.map((id) => wb.store.readDocument(id as DocId)));
    const schemaBefore = wb.store.workspace().labelSchema;
    const store = failingOnSecondDocument(wb.store);
    await expect(
      applySchemaChange(store, { schema: withoutCondition(), renames: noRenames, confirmLosses: 4 }),
    ).rejects.toThrow(/disk full.*Nothing of the change was kept/);
    expect(wb.store.workspace().labelSchema).toEqual(schemaBefore);
    const after = await Promise.all(docIds.map((id) => wb.store.readDocument(id as DocId)));
    expect(after.map((d) => layersOf(d))).toEqual(before.map((d) => layersOf(d)));
  });

  it('refuses a schema that gives one hotkey to two labels, naming them', async () => {
    await taggedWorkspace(wb, []);
    const schema = schemaWith((s) => (s.labels[1]!.hotkey = '1'));
    const result = await wb.dispatch('schema:update', { schema, renames: noRenames });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain('The key 1 is given to Claim and Condition.');
  });
});

const layersOf = (doc: DocumentRecord) => JSON.parse(JSON.stringify(doc.layers)) as unknown;

/** The real store, except that saving the second distinct document fails like a full disk. */
function failingOnSecondDocument(store: WorkspaceStore): WorkspaceStore {
  const seen: string[] = [];
  let failed = false;
  return new Proxy(store, {
    get(target, property) {
      if (property === 'updateDocument') {
        return async (id: DocId, mutate: (draft: DocumentRecord) => void) => {
          if (!seen.includes(id)) seen.push(id);
          if (!failed && seen[1] === id) {
            failed = true;
            throw new WorkbenchError('io-error', 'disk full.');
          }
          return target.updateDocument(id, mutate);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
