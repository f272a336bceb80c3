// The annotation plugin redraws only the region around a change (no view needed): after any sequence of
// messages its decorations equal a full rebuild from the same spans — and with a text window, after any
// sequence of messages and window moves, exactly the full rebuild's runs that meet the window —, spans
// crossing a paragraph break say so, hidden labels disappear from the text as from the list, and compare
// classes (review) mark the runs of their spans.
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
  type LayerContent,
} from './annotation-plugin';
import type { TextWindow } from './run-decorations';
import { documentFromText } from './schema';
import { viewportKey, viewportWindow } from './viewport-window';

const TEXT = 'Güler said the army will stay if the border holds.\nSecond line 👩‍👩‍👧 here, and a third clause.';

/** A state with one layer; `windowed`: with the viewport plugin (its window moved by `move`, no view). */
function setup(windowed = false, initial?: LayerContent) {
  const offsets = new ParagraphOffsets(TEXT);
  const key = annotationKey('dana');
  // The viewport plugin's state needs no DOM; its scroller is only used once a view exists.
  const viewport = windowed ? [viewportWindow(offsets, {} as HTMLElement).plugin] : [];
  let state = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [
      ...viewport,
      annotationPlugin({
        key,
        text: TEXT,
        offsets,
        look: { side: 'below', band: 0, className: 'tw-layer-mine' },
        describe: (l) => l.toUpperCase(),
        initial,
      }),
    ],
  });
  const send = (meta: AnnotationMeta) => {
    state = state.apply(state.tr.setMeta(key, meta));
    return key.getState(state)!;
  };
  const move = (window: TextWindow) => {
    state = state.apply(state.tr.setMeta(viewportKey, window));
  };
  /** The runs drawn (those meeting `window` only, if given), as comparable strings. */
  const drawn = (window?: TextWindow) =>
    key
      .getState(state)!
      .decorations.find()
      .filter((d: Decoration) => {
        const spec = d.spec as { start: number; end: number };
        return window === undefined || (spec.start < window.to && spec.end > window.from);
      })
      .map((d: Decoration) => {
        const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
        return `${d.from}-${d.to} ${attrs.class} [${attrs['data-span-ids']}]`;
      })
      .sort();
  const window = () => viewportKey.getState(state) ?? undefined;
  return { send, move, drawn, window, offsets };
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

  it('drawn from its initial content, shows what a sync and a hide of the same content show', () => {
    const spans = [
      { id: 'a', label: 'actor', start: 0, end: 5 },
      { id: 'c', label: 'claim', start: 6, end: 49 },
      { id: 'd', label: 'claim', start: 40, end: 60 },
    ];
    const initial = setup(false, { spans, focusedId: 'c', hidden: new Set(['actor']) });
    const messages = setup();
    messages.send({ kind: 'hide', labels: new Set(['actor']) });
    messages.send({ kind: 'sync', spans, focusedId: 'c' });
    expect(initial.drawn()).toEqual(messages.drawn());
    expect(initial.drawn().join()).toContain('tw-focus');
    expect(initial.drawn().join()).not.toContain('[a]');
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

  it('marks the runs of a span with its compare class, and only those', () => {
    const { send, drawn } = setup();
    send({ kind: 'sync', spans: [a(0, 5, 'a'), a(20, 30, 'b')], focusedId: null });
    send({ kind: 'classes', classes: new Map([['b', 'only-a']]) });
    const runs = drawn();
    expect(runs.filter((r) => r.includes('tw-cmp-only-a'))).toEqual(runs.filter((r) => r.endsWith('[b]')));
    expect(runs.filter((r) => r.endsWith('[b]'))).toHaveLength(1);
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
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 20 }), (messages) => {
        const incremental = setup();
        const full = rebuilt(play(incremental, messages));
        expect(incremental.drawn()).toEqual(full.drawn());
      }),
      { numRuns: 300 },
    );
  });

  it('with a text window, draws exactly the runs of a full rebuild that meet the window, through any moves', () => {
    const step = fc.oneof(
      messageArb,
      windowArb.map((window) => ({ kind: 'window' as const, window })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 24 }), (steps) => {
        const windowed = setup(true);
        const full = rebuilt(play(windowed, steps));
        expect(windowed.drawn()).toEqual(full.drawn(windowed.window()));
      }),
      { numRuns: 300 },
    );
  });
});

const a = (start: number, end: number, id: string): DecoratedSpan => ({ id, label: 'claim', start, end });

const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const spanArb = fc
  .tuple(
    idArb,
    fc.nat({ max: TEXT.length - 2 }),
    fc.integer({ min: 1, max: 25 }),
    fc.constantFrom('claim', 'actor'),
  )
  .map(([id, start, length, label]): DecoratedSpan => {
    const s = safe(start);
    return { id, label, start: s, end: Math.max(s + 1, safe(Math.min(TEXT.length, s + length))) };
  });
const messageArb = fc.oneof(
  spanArb.map((span) => ({ kind: 'add' as const, span })),
  idArb.map((id) => ({ kind: 'remove' as const, id })),
  spanArb.map((span) => ({ kind: 'update' as const, span })),
  fc.option(fc.constantFrom('a', 'b', 'c')).map((id) => ({ kind: 'focus' as const, id })),
  fc
    .dictionary(idArb, fc.constantFrom('match', 'label', 'only-a'), { maxKeys: 3 })
    .map((entries) => ({ kind: 'classes' as const, classes: new Map(Object.entries(entries)) })),
  fc.subarray(['a', 'b', 'c', 'd']).map((ids) => ({ kind: 'emphasis' as const, ids })),
);
const windowArb = fc
  .tuple(fc.nat({ max: TEXT.length }), fc.nat({ max: TEXT.length }))
  .map(([a, b]): TextWindow => ({ from: Math.min(a, b), to: Math.max(a, b) }));

type Step =
  | { kind: 'add' | 'update'; span: DecoratedSpan }
  | { kind: 'remove'; id: string }
  | { kind: 'focus'; id: string | null }
  | { kind: 'classes'; classes: ReadonlyMap<string, string> }
  | { kind: 'emphasis'; ids: readonly string[] }
  | { kind: 'window'; window: TextWindow };

/** Sends the steps that make sense for the spans so far (as the session would) and returns the end model. */
function play(target: ReturnType<typeof setup>, steps: readonly Step[]) {
  const model = new Map<string, DecoratedSpan>();
  let focusedId: string | null = null;
  let classes: ReadonlyMap<string, string> = new Map();
  let emphasized: readonly string[] = [];
  target.send({ kind: 'sync', spans: [], focusedId: null });
  for (const m of steps) {
    if (m.kind === 'window') target.move(m.window);
    else if (m.kind === 'classes') {
      classes = m.classes;
      target.send(m);
    } else if (m.kind === 'emphasis') {
      emphasized = m.ids;
      target.send(m);
    } else if (m.kind === 'add' && !model.has(m.span.id)) {
      model.set(m.span.id, m.span);
      target.send({ kind: 'add', spans: [m.span] });
    } else if (m.kind === 'update' && model.has(m.span.id)) {
      model.set(m.span.id, m.span);
      target.send({ kind: 'update', spans: [m.span] });
    } else if (m.kind === 'remove' && model.has(m.id)) {
      model.delete(m.id);
      if (focusedId === m.id) focusedId = null;
      target.send({ kind: 'remove', ids: [m.id] });
    } else if (m.kind === 'focus') {
      focusedId = m.id !== null && model.has(m.id) ? m.id : null;
      target.send({ kind: 'focus', id: focusedId });
    }
  }
  return { spans: [...model.values()], focusedId, classes, emphasized };
}

/** A full rebuild of what `play` ended with: the compare classes, then one sync. */
function rebuilt(end: ReturnType<typeof play>) {
  const full = setup();
  full.send({ kind: 'classes', classes: end.classes });
  full.send({ kind: 'emphasis', ids: end.emphasized });
  full.send({ kind: 'sync', spans: end.spans, focusedId: end.focusedId });
  return full;
}
