// The annotation plugin redraws only the region around a change (no view needed): after any sequence of
// messages its decorations equal a full rebuild from the same spans, spans crossing a paragraph break say
// so, and hidden labels disappear from the text as from the list.
import fc from 'fast-check';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { ParagraphOffsets } from '@shared/text';
import {
  annotationKey,
  annotationPlugin,
  type AnnotationMeta,
  type DecoratedSpan,
} from './annotation-plugin';
import { documentFromText } from './schema';

const TEXT = 'Güler said the army will stay if the border holds.\nSecond line 👩‍👩‍👧 here, and a third clause.';

function setup() {
  const offsets = new ParagraphOffsets(TEXT);
  const key = annotationKey('dana');
  let state = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [
      annotationPlugin({
        key,
        text: TEXT,
        offsets,
        look: { side: 'below', band: 0, className: 'tw-layer-mine' },
        describe: (l) => l.toUpperCase(),
      }),
    ],
  });
  const send = (meta: AnnotationMeta) => {
    state = state.apply(state.tr.setMeta(key, meta));
    return key.getState(state)!;
  };
  const drawn = () =>
    key
      .getState(state)!
      .decorations.find()
      .map((d: Decoration) => {
        const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
        return `${d.from}-${d.to} ${attrs.class} [${attrs['data-span-ids']}]`;
      })
      .sort();
  return { send, drawn, offsets };
}

/** Snaps generated offsets off the middle of the emoji's surrogate pairs (spans never split one). */
function safe(offset: number): number {
  const code = TEXT.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset + 1 : offset;
}

describe('the annotation plugin', () => {
  it('draws a span crossing a paragraph break as two runs, the first marked as continuing', () => {
    const { send, drawn } = setup();
    send({ kind: 'sync', spans: [{ id: 'x', label: 'claim', start: 37, end: 60 }], focusedId: null });
    const runs = drawn();
    expect(runs).toHaveLength(2);
    expect(runs.filter((r) => r.includes('tw-continues'))).toHaveLength(1);
  });

  it('drops the runs of a hidden label and brings them back when shown', () => {
    const { send, drawn } = setup();
    send({
      kind: 'sync',
      spans: [
        { id: 'a', label: 'actor', start: 0, end: 5 },
        { id: 'c', label: 'claim', start: 6, end: 20 },
      ],
      focusedId: null,
    });
    send({ kind: 'hide', labels: new Set(['actor']) });
    expect(drawn().join()).not.toContain('[a]');
    send({ kind: 'hide', labels: new Set() });
    expect(drawn().join()).toContain('[a]');
  });

  it('emphasises the runs of the spans it is told, and only until told otherwise', () => {
    const { send, drawn } = setup();
    send({
      kind: 'sync',
      spans: [
        { id: 'a', label: 'actor', start: 0, end: 5 },
        { id: 'c', label: 'claim', start: 11, end: 20 },
        { id: 'k', label: 'condition', start: 31, end: 50 },
      ],
      focusedId: null,
    });
    send({ kind: 'emphasis', ids: ['a', 'c'] });
    expect(drawn().filter((r) => r.includes('tw-emphasis'))).toEqual([
      expect.stringContaining('[a]'),
      expect.stringContaining('[c]'),
    ]);
    send({ kind: 'emphasis', ids: [] });
    expect(drawn().join()).not.toContain('tw-emphasis');
  });

  it('after any sequence of changes draws exactly what a full rebuild of the same spans draws', () => {
    const spanArb = fc
      .tuple(
        fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        fc.nat({ max: TEXT.length - 2 }),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom('claim', 'actor'),
      )
      .map(([id, start, length, label]): DecoratedSpan => {
        const s = safe(start);
        return { id, label, start: s, end: Math.max(s + 1, safe(Math.min(TEXT.length, s + length))) };
      });
    const message = fc.oneof(
      spanArb.map((span) => ({ kind: 'add' as const, span })),
      fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f').map((id) => ({ kind: 'remove' as const, id })),
      spanArb.map((span) => ({ kind: 'update' as const, span })),
      fc.option(fc.constantFrom('a', 'b', 'c')).map((id) => ({ kind: 'focus' as const, id })),
      fc.subarray(['a', 'b', 'c', 'd']).map((ids) => ({ kind: 'emphasis' as const, ids })),
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 20 }), (messages) => {
        const incremental = setup();
        const model = new Map<string, DecoratedSpan>();
        let focusedId: string | null = null;
        let emphasized: string[] = [];
        incremental.send({ kind: 'sync', spans: [], focusedId: null });
        for (const m of messages) {
          if (m.kind === 'add' && !model.has(m.span.id)) {
            model.set(m.span.id, m.span);
            incremental.send({ kind: 'add', spans: [m.span] });
          } else if (m.kind === 'update' && model.has(m.span.id)) {
            model.set(m.span.id, m.span);
            incremental.send({ kind: 'update', spans: [m.span] });
          } else if (m.kind === 'remove' && model.has(m.id)) {
            model.delete(m.id);
            if (focusedId === m.id) focusedId = null;
            incremental.send({ kind: 'remove', ids: [m.id] });
          } else if (m.kind === 'focus') {
            focusedId = m.id !== null && model.has(m.id) ? m.id : null;
            incremental.send({ kind: 'focus', id: focusedId });
          } else if (m.kind === 'emphasis') {
            emphasized = m.ids;
            incremental.send({ kind: 'emphasis', ids: emphasized });
          }
        }
        const full = setup();
        full.send({ kind: 'emphasis', ids: emphasized });
        full.send({ kind: 'sync', spans: [...model.values()], focusedId });
        expect(incremental.drawn()).toEqual(full.drawn());
      }),
      { numRuns: 300 },
    );
  });
});
