// Who said what across the corpus through the service: the frames of every document (the claims table's
// corpus rows), and suggestions from a tagged text found in the other documents, minus rejected ones.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusSuggestions, FramesList } from '@shared/api';
import { endsOf } from '@shared/model';
import { linkOp, tagOps, taggedWorkspace, tempWorkbench, valueOf } from './test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
beforeEach(async () => {
  wb = await tempWorkbench();
});
afterEach(async () => wb.cleanup());

const A = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.';
const B = 'Officials in Damascus were silent. Damascus said nothing; Damascene traders did.';

describe('frames and suggestions across the corpus', () => {
  it('lists one row per claim of every document, with its actor and condition', async () => {
    const frame = (t: string) => [
      ...tagOps(t, [
        ['Damascus', 'actor'],
        ['Turkey withdraw its forces as a precondition for a meeting', 'claim'],
        ['Turkey withdraw its forces', 'condition'],
      ]),
      linkOp('r1', 'says', 's0', 's1'),
      linkOp('r2', 'conditions', 's2', 's1'),
    ];
    await taggedWorkspace(wb, [
      { name: 'a.txt', text: A, ops: frame },
      { name: 'b.txt', text: B, ops: (t) => tagOps(t, [['Damascus said nothing', 'claim']]) },
    ]);
    const { rows } = valueOf<FramesList>(await wb.dispatch('frames:list', { layers: [] }));
    expect(rows.map((r) => r.target.quote)).toEqual([
      'Turkey withdraw its forces as a precondition for a meeting',
      'Damascus said nothing',
    ]);
    expect(endsOf(rows[0]!, 'says').map((e) => e.name)).toEqual(['Damascus']);
    expect(endsOf(rows[0]!, 'conditions').map((e) => e.name)).toEqual(['Turkey withdraw its forces']);
  });

  it('finds a tagged name in the other documents as a whole word, and not once it is rejected', async () => {
    const { docIds } = await taggedWorkspace(wb, [
      { name: 'a.txt', text: A, ops: (t) => tagOps(t, [['Damascus', 'actor']]) },
      { name: 'b.txt', text: B, ops: (t) => tagOps(t, [['Officials in Damascus', 'actor']]) },
    ]);
    const request = { label: 'actor', quote: 'Damascus', exceptDocId: docIds[0] };
    const found = valueOf<CorpusSuggestions>(await wb.dispatch('suggestions:find', request));
    expect(found.documents).toHaveLength(1);
    const [suggestion] = found.documents[0]!.suggestions;
    expect(found.documents[0]!.suggestions).toHaveLength(1);
    expect(suggestion).toMatchObject({
      label: 'actor',
      start: B.indexOf('Damascus said'),
      quote: 'Damascus',
    });
    const { start, end } = suggestion!;
    valueOf(await wb.dispatch('suggestions:reject', { docId: docIds[1], label: 'actor', start, end }));
    const again = valueOf<CorpusSuggestions>(await wb.dispatch('suggestions:find', request));
    expect(again.documents).toEqual([]);
  });
});
