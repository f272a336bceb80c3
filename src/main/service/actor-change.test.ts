// Canonical actors across the corpus: merging "Erdogan" and "Ankara" into one actor changes every document
// of the analyst's layer and nobody else's; its undo puts back exactly what was there and its redo makes it
// again; an assignment that cannot apply changes no document at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActorChange } from '@shared/api';
import { setEntry, type ActorEntry, type DocId, type Layer } from '@shared/model';
import { tagOps, taggedWorkspace, tempWorkbench, valueOf } from './test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
beforeEach(async () => {
  wb = await tempWorkbench();
});
afterEach(async () => wb.cleanup());

const A = 'Erdogan said Ankara will not withdraw.';
const B = 'Turkish President Recep Tayyip Erdogan met Assad. Ankara agreed.';

async function setUp() {
  return taggedWorkspace(wb, [
    {
      name: 'a.txt',
      text: A,
      ops: (t) =>
        tagOps(t, [
          ['Erdogan', 'actor'],
          ['Ankara', 'actor'],
          ['Ankara will not withdraw', 'claim'],
        ]),
    },
    {
      name: 'b.txt',
      text: B,
      ops: (t) =>
        tagOps(t, [
          ['Turkish President Recep Tayyip Erdogan', 'actor'],
          ['Ankara', 'actor'],
        ]),
    },
  ]);
}

async function actorsOf(docId: string, layer: string): Promise<string[]> {
  const doc = await wb.store.readDocument(docId as DocId);
  return doc.layers[layer]!.spans.filter((s) => s.label === 'actor').map(
    (s) => s.attributes['actor'] ?? `(${s.quote})`,
  );
}

describe('canonical actors across the corpus', () => {
  it('merges names in every document of the analyst’s layer, and undo and redo are exact', async () => {
    const { docIds, layer } = await setUp();
    const to = 'Recep Tayyip Erdogan';
    const change = valueOf<ActorChange>(
      await wb.dispatch('actors:rename', {
        names: ['Erdogan', 'Ankara', 'Turkish President Recep Tayyip Erdogan'],
        to,
      }),
    );
    expect(change).toMatchObject({ spans: 4, documents: 2 });
    expect(await actorsOf(docIds[0]!, layer)).toEqual([to, to]);
    expect(await actorsOf(docIds[1]!, layer)).toEqual([to, to]);
    const { actors } = valueOf<{ actors: ActorEntry[] }>(await wb.dispatch('actors:list', {}));
    expect(actors[0]).toMatchObject({ name: to, spans: 4, documents: 2 });

    valueOf(await wb.dispatch('actors:assign', { assignments: change.undo }));
    expect(await actorsOf(docIds[0]!, layer)).toEqual(['(Erdogan)', '(Ankara)']);
    expect(await actorsOf(docIds[1]!, layer)).toEqual([
      '(Turkish President Recep Tayyip Erdogan)',
      '(Ankara)',
    ]);
    valueOf(await wb.dispatch('actors:assign', { assignments: change.redo }));
    expect(await actorsOf(docIds[1]!, layer)).toEqual([to, to]);
  });

  it('leaves a colleague’s layer alone, though it offers the names used there', async () => {
    const { docIds } = await setUp();
    const theirs: Layer = (await wb.store.readDocument(docIds[0] as DocId)).layers['dana']!;
    await wb.store.updateDocument(docIds[0] as DocId, (draft) => setEntry(draft.layers, 'lee', theirs));
    valueOf(await wb.dispatch('actors:rename', { names: ['Ankara'], to: 'Turkey' }));
    expect(await actorsOf(docIds[0]!, 'lee')).toEqual(['(Erdogan)', '(Ankara)']);
    const { actors } = valueOf<{ actors: ActorEntry[] }>(await wb.dispatch('actors:list', {}));
    expect(actors.find((a) => a.name === 'Ankara')).toMatchObject({ spans: 0, elsewhere: 1 });
  });

  it('changes no document when one assignment of the change cannot apply', async () => {
    const { docIds, layer } = await setUp();
    const result = await wb.dispatch('actors:assign', {
      assignments: [
        { docId: docIds[0], spanId: 's0', value: 'Erdogan' },
        { docId: docIds[1], spanId: 'gone', value: 'Erdogan' },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!result.ok) expect(result.error.message).toMatch(/Nothing of the change was kept/);
    expect(await actorsOf(docIds[0]!, layer)).toEqual(['(Erdogan)', '(Ankara)']);
  });
});
