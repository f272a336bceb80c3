// The annotation plugin updates decorations incrementally from transaction metadata (no view needed):
// spans map to the right ProseMirror ranges, nesting levels follow containment, and only touched spans change.
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { ParagraphOffsets } from '@shared/text';
import { annotationKey, annotationPlugin, type AnnotationMeta } from './annotation-plugin';
import { documentFromText } from './schema';

const TEXT = 'Güler said the army will stay if the border holds.\nSecond line 👩‍👩‍👧 here.';

function setup() {
  const offsets = new ParagraphOffsets(TEXT);
  let state = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [annotationPlugin({ offsets, describe: (l) => l.toUpperCase(), onSpanClick: () => false })],
  });
  const send = (meta: AnnotationMeta) => {
    state = state.apply(state.tr.setMeta(annotationKey, meta));
    return annotationKey.getState(state)!;
  };
  const textOf = (deco: Decoration) => state.doc.textBetween(deco.from, deco.to, '\n');
  const decorations = () => annotationKey.getState(state)!.decorations.find();
  const classOf = (id: string) =>
    decorations()
      .filter((d) => (d.spec as { spanId: string }).spanId === id)
      .map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class);
  return { send, textOf, decorations, classOf, offsets };
}

describe('annotation plugin', () => {
  it('draws each span over exactly its text, across paragraphs and emoji', () => {
    const { send, textOf, decorations } = setup();
    send({
      kind: 'sync',
      focusedId: null,
      spans: [
        { id: 'a', label: 'actor', start: 0, end: 5 },
        { id: 'e', label: 'claim', start: TEXT.indexOf('👩'), end: TEXT.indexOf(' here') },
      ],
    });
    expect(decorations().map(textOf).sort()).toEqual(['Güler', '👩‍👩‍👧']);
  });

  it('gives a span that contains another a deeper nesting level, and recomputes it on removal', () => {
    const { send, classOf } = setup();
    send({ kind: 'sync', focusedId: null, spans: [{ id: 'claim', label: 'claim', start: 11, end: 50 }] });
    expect(classOf('claim')[0]).toContain('tw-lv-0');
    send({ kind: 'add', spans: [{ id: 'cond', label: 'condition', start: 30, end: 50 }] });
    expect(classOf('claim')[0]).toContain('tw-lv-1');
    expect(classOf('cond')[0]).toContain('tw-lv-0');
    send({ kind: 'remove', ids: ['cond'] });
    expect(classOf('claim')[0]).toContain('tw-lv-0');
    expect(classOf('cond')).toEqual([]);
  });

  it('leaves the decorations of unrelated spans untouched when a span is added', () => {
    const { send, decorations } = setup();
    send({ kind: 'sync', focusedId: null, spans: [{ id: 'far', label: 'actor', start: 52, end: 58 }] });
    const before = decorations()[0];
    send({ kind: 'add', spans: [{ id: 'near', label: 'actor', start: 0, end: 5 }] });
    // `find` returns fresh Decoration objects; the drawn type (attributes) is what a redraw replaces.
    expect(decorations().map((d) => (d as unknown as { type: unknown }).type)).toContain(
      (before as unknown as { type: unknown }).type,
    );
    expect(decorations()).toHaveLength(2);
  });

  it('marks only the focused span and moves the mark when focus moves', () => {
    const { send, classOf } = setup();
    send({
      kind: 'sync',
      focusedId: 'a',
      spans: [
        { id: 'a', label: 'actor', start: 0, end: 5 },
        { id: 'b', label: 'claim', start: 11, end: 19 },
      ],
    });
    expect(classOf('a')[0]).toContain('tw-focused');
    send({ kind: 'focus', id: 'b' });
    expect(classOf('a')[0]).not.toContain('tw-focused');
    expect(classOf('b')[0]).toContain('tw-focused');
  });

  it('redraws a relabelled span with its new label class', () => {
    const { send, classOf } = setup();
    send({ kind: 'sync', focusedId: null, spans: [{ id: 'a', label: 'actor', start: 0, end: 5 }] });
    send({ kind: 'update', spans: [{ id: 'a', label: 'claim', start: 0, end: 5 }] });
    expect(classOf('a')).toHaveLength(1);
    expect(classOf('a')[0]).toContain('tw-l-claim');
  });
});
