// The annotation plugin (src/renderer/editor): holds the spans it draws and their DecorationSet. It changes
// only on `sync | add | remove | update | focus` messages carried as transaction metadata (one message, or a
// list applied in order), and updates the DecorationSet incrementally: a new tag touches its own decoration
// and those of spans whose nesting changed.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { ParagraphOffsets } from '@shared/text';
import { affectedRegion, nestingLevels } from './span-levels';

export interface DecoratedSpan {
  id: string;
  label: string;
  start: number;
  end: number;
}

export type AnnotationMeta =
  | { kind: 'sync'; spans: readonly DecoratedSpan[]; focusedId: string | null }
  | { kind: 'add'; spans: readonly DecoratedSpan[] }
  | { kind: 'remove'; ids: readonly string[] }
  | { kind: 'update'; spans: readonly DecoratedSpan[] }
  | { kind: 'focus'; id: string | null };

interface Entry extends DecoratedSpan {
  level: number;
}

export interface AnnotationState {
  spans: ReadonlyMap<string, Entry>;
  decorations: DecorationSet;
  focusedId: string | null;
}

export interface AnnotationPluginOptions {
  offsets: ParagraphOffsets;
  describe: (label: string) => string;
  onSpanClick: (textOffset: number, event: MouseEvent) => boolean;
}

export const annotationKey = new PluginKey<AnnotationState>('tagwright-annotations');

export function annotationPlugin(options: AnnotationPluginOptions): Plugin<AnnotationState> {
  const decorate = (entry: Entry, focused: boolean): Decoration =>
    Decoration.inline(
      options.offsets.textToPos(entry.start),
      options.offsets.textToPos(entry.end),
      {
        nodeName: 'span',
        class: `tw-span tw-l-${entry.label} tw-lv-${entry.level}${focused ? ' tw-focused' : ''}`,
        'data-span-id': entry.id,
        'data-label': entry.label,
        title: options.describe(entry.label),
      },
      { spanId: entry.id },
    );

  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: () => ({ spans: new Map(), decorations: DecorationSet.empty, focusedId: null }),
      apply: (tr, value, _old, state) => applyMeta(tr, value, state, { decorate, offsets: options.offsets }),
    },
    props: {
      decorations: (state) => annotationKey.getState(state)?.decorations,
      handleClick: (_view: EditorView, pos: number, event: MouseEvent) =>
        !event.shiftKey && options.onSpanClick(options.offsets.posToText(pos), event),
      // A quick second click arrives as a double click; it must cycle to the enclosing span all the same.
      handleDoubleClick: (_view: EditorView, pos: number, event: MouseEvent) =>
        !event.shiftKey && options.onSpanClick(options.offsets.posToText(pos), event),
    },
  });
}

interface DrawContext {
  decorate: (entry: Entry, focused: boolean) => Decoration;
  offsets: ParagraphOffsets;
}

function applyMeta(
  tr: Transaction,
  value: AnnotationState,
  state: EditorState,
  draw: DrawContext,
): AnnotationState {
  const meta = tr.getMeta(annotationKey) as AnnotationMeta | readonly AnnotationMeta[] | undefined;
  if (meta === undefined) return value;
  if (Array.isArray(meta))
    return meta.reduce((acc: AnnotationState, one) => applyOne(one, acc, state, draw), value);
  return applyOne(meta as AnnotationMeta, value, state, draw);
}

function applyOne(
  meta: AnnotationMeta,
  value: AnnotationState,
  state: EditorState,
  draw: DrawContext,
): AnnotationState {
  if (meta.kind === 'sync') {
    const levels = nestingLevels(meta.spans);
    const spans = new Map(meta.spans.map((s) => [s.id, { ...s, level: levels.get(s.id) ?? 0 }]));
    const decorations = DecorationSet.create(
      state.doc,
      [...spans.values()].map((entry) => draw.decorate(entry, entry.id === meta.focusedId)),
    );
    return { spans, decorations, focusedId: meta.focusedId };
  }
  if (meta.kind === 'focus') {
    const redraw = [value.focusedId, meta.id].filter((id): id is string => id !== null);
    return redrawEntries({ ...value, focusedId: meta.id }, redraw, state, draw);
  }
  const spans = new Map(value.spans);
  const removedIds =
    meta.kind === 'remove' ? meta.ids : meta.kind === 'update' ? meta.spans.map((s) => s.id) : [];
  const before = removedIds.map((id) => value.spans.get(id)).filter((e): e is Entry => e !== undefined);
  for (const id of removedIds) spans.delete(id);
  const added = meta.kind === 'remove' ? [] : meta.spans;
  for (const span of added) spans.set(span.id, { ...span, level: 0 });
  // Levels of spans overlapping the change may shift; recompute them over that region only.
  const region = affectedRegion(spans.values(), [...before, ...added]);
  const levels = nestingLevels(region);
  const redraw = new Set(added.map((s) => s.id));
  for (const entry of region) {
    const level = levels.get(entry.id) ?? 0;
    const current = spans.get(entry.id)!;
    if (current.level !== level || redraw.has(entry.id)) {
      spans.set(entry.id, { ...current, level });
      redraw.add(entry.id);
    }
  }
  const removedDecos = findDecorations(value, [...removedIds, ...redraw], draw.offsets);
  const focusedId = value.focusedId !== null && spans.has(value.focusedId) ? value.focusedId : null;
  const fresh = [...redraw].map((id) => spans.get(id)!).map((e) => draw.decorate(e, e.id === focusedId));
  return { spans, focusedId, decorations: value.decorations.remove(removedDecos).add(state.doc, fresh) };
}

function redrawEntries(
  value: AnnotationState,
  ids: readonly string[],
  state: EditorState,
  draw: DrawContext,
): AnnotationState {
  const entries = ids.map((id) => value.spans.get(id)).filter((e): e is Entry => e !== undefined);
  const old = findDecorations(value, ids, draw.offsets);
  const fresh = entries.map((e) => draw.decorate(e, e.id === value.focusedId));
  return { ...value, decorations: value.decorations.remove(old).add(state.doc, fresh) };
}

/** Finds the decorations drawn for `ids`, searching only each span's own range. */
function findDecorations(
  value: AnnotationState,
  ids: readonly string[],
  offsets: ParagraphOffsets,
): Decoration[] {
  const found: Decoration[] = [];
  for (const id of new Set(ids)) {
    const entry = value.spans.get(id);
    if (entry === undefined) continue;
    const from = offsets.textToPos(entry.start);
    const to = offsets.textToPos(entry.end);
    found.push(...value.decorations.find(from, to, (spec: { spanId?: string }) => spec.spanId === id));
  }
  return found;
}
