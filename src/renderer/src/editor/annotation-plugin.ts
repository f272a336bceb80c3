// The annotation plugin (src/renderer/editor): one instance per layer (its own PluginKey), holding the spans
// it draws and their DecorationSet of flat runs (run-decorations.ts). It changes only on messages carried as
// transaction metadata — sync | add | remove | update | focus | hide | emphasis | classes — and redraws only the region closed
// under overlap around what changed. It draws only the runs that meet the text window near the viewport
// (viewport-window.ts; the whole text when there is none), so neither a tag nor opening costs the document.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import type { ParagraphOffsets } from '@shared/text';
import { drawRegion, type LayerLook, type RunSpec, type RunStyle, type TextWindow } from './run-decorations';
import { SpanIndex } from './span-index';
import type { RunSpan } from './span-runs';
import { viewportKey } from './viewport-window';

export { MAX_TRACK, type LayerLook, type TextWindow } from './run-decorations';

export type DecoratedSpan = RunSpan;

export type AnnotationMeta =
  | { kind: 'sync'; spans: readonly DecoratedSpan[]; focusedId: string | null }
  | { kind: 'add'; spans: readonly DecoratedSpan[] }
  | { kind: 'remove'; ids: readonly string[] }
  | { kind: 'update'; spans: readonly DecoratedSpan[] }
  | { kind: 'focus'; id: string | null }
  | { kind: 'hide'; labels: ReadonlySet<string> }
  /** Spans drawn emphasised (both ends of a frame or relation the analyst points at); [] clears. */
  | { kind: 'emphasis'; ids: readonly string[] }
  /** Extra classes per span id (the compare view's match / boundary / label / only-a / only-b). */
  | { kind: 'classes'; classes: ReadonlyMap<string, string> };

export interface AnnotationState {
  /** All spans of the layer in text order (hidden labels included). */
  spans: readonly DecoratedSpan[];
  /** The same spans, indexed for overlap questions. */
  index: SpanIndex;
  /** The spans whose labels are shown (the same index as `index` when nothing is hidden). */
  visible: SpanIndex;
  decorations: DecorationSet;
  focusedId: string | null;
  hidden: ReadonlySet<string>;
  /** Spans drawn emphasised (both ends of a frame or relation the analyst points at). */
  emphasized: ReadonlySet<string>;
  /** Extra classes per span id (compare classes in review), drawn on the span's runs. */
  classes: ReadonlyMap<string, string>;
  /** The part of the text runs are drawn for (null: all of it). */
  window: TextWindow | null;
}

/** A layer's spans, its selected span and its hidden labels: what a `sync` and a `hide` message carry. */
export interface LayerContent {
  spans: readonly DecoratedSpan[];
  focusedId: string | null;
  hidden: ReadonlySet<string>;
}

export interface AnnotationPluginOptions extends RunStyle {
  key: PluginKey<AnnotationState>;
  text: string;
  offsets: ParagraphOffsets;
  look: LayerLook;
  describe: (label: string) => string;
  /** Drawn from the first state on, as if synced at once. */
  initial?: LayerContent;
}

export function annotationKey(layer: string): PluginKey<AnnotationState> {
  return new PluginKey<AnnotationState>(`tagwright-layer-${layer}`);
}

const EMPTY: AnnotationState = {
  spans: [],
  index: SpanIndex.empty,
  visible: SpanIndex.empty,
  decorations: DecorationSet.empty,
  focusedId: null,
  hidden: new Set(),
  emphasized: new Set(),
  classes: new Map(),
  window: null,
};

export function annotationPlugin(options: AnnotationPluginOptions): Plugin<AnnotationState> {
  return new Plugin<AnnotationState>({
    key: options.key,
    state: {
      init: (_config, state) => {
        const start = { ...EMPTY, window: viewportKey.getState(state) ?? null };
        const { initial } = options;
        if (initial === undefined) return start;
        const content = { ...start, focusedId: initial.focusedId, hidden: initial.hidden };
        return rebuild(content, SpanIndex.of(initial.spans), state, options);
      },
      apply: (tr, value, _old, editorState) => applyTransaction(tr, value, editorState, options),
    },
    props: {
      decorations: (state) => options.key.getState(state)?.decorations,
    },
  });
}

/** Messages first (drawn in the old window), then a move of the window redraws what is near the viewport. */
function applyTransaction(
  tr: Transaction,
  value: AnnotationState,
  editorState: EditorState,
  options: AnnotationPluginOptions,
): AnnotationState {
  const meta = tr.getMeta(options.key) as AnnotationMeta | readonly AnnotationMeta[] | undefined;
  const messages =
    meta === undefined ? [] : Array.isArray(meta) ? (meta as AnnotationMeta[]) : [meta as AnnotationMeta];
  let state = messages.reduce((s, message) => applyMessage(s, message, editorState, options), value);
  const window = viewportKey.getState(editorState) ?? null;
  if (window !== state.window) state = moveWindow(state, window, editorState, options);
  else if (messages.length === 0 && tr.docChanged)
    state = { ...state, decorations: state.decorations.map(tr.mapping, tr.doc) };
  return state;
}

function applyMessage(
  state: AnnotationState,
  meta: AnnotationMeta,
  editorState: EditorState,
  options: AnnotationPluginOptions,
): AnnotationState {
  switch (meta.kind) {
    case 'sync':
      return rebuild({ ...state, focusedId: meta.focusedId }, SpanIndex.of(meta.spans), editorState, options);
    case 'hide':
      // Sent on every open and on every toggle of a filter: only a change of the hidden labels redraws.
      if (sameLabels(meta.labels, state.hidden)) return state;
      return rebuild({ ...state, hidden: meta.labels }, state.index, editorState, options);
    case 'classes':
      return rebuild({ ...state, classes: meta.classes }, state.index, editorState, options);
    case 'focus': {
      const touched = [state.focusedId, meta.id].flatMap((id) =>
        id === null ? [] : (state.index.find(id) ?? []),
      );
      return redraw({ ...state, focusedId: meta.id }, state.index, touched, editorState, options);
    }
    case 'emphasis': {
      const touched = [...state.emphasized, ...meta.ids].flatMap((id) => state.index.find(id) ?? []);
      const emphasized = new Set(meta.ids);
      return redraw({ ...state, emphasized }, state.index, touched, editorState, options);
    }
    case 'add':
    case 'update':
    case 'remove': {
      const changedIds = new Set(meta.kind === 'remove' ? meta.ids : meta.spans.map((s) => s.id));
      const before = [...changedIds].flatMap((id) => state.index.find(id) ?? []);
      const after = meta.kind === 'remove' ? [] : meta.spans;
      const index = state.index.with(after, before);
      const focusedId =
        meta.kind === 'remove' && changedIds.has(state.focusedId ?? '') ? null : state.focusedId;
      return redraw({ ...state, focusedId }, index, [...before, ...after], editorState, options);
    }
  }
}

function sameLabels(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((label) => b.has(label));
}

function visibleOf(index: SpanIndex, hidden: ReadonlySet<string>): SpanIndex {
  return hidden.size === 0 ? index : index.filter((s) => !hidden.has(s.label));
}

/** Draws every run in the window afresh (opening, hiding labels, moving the window). */
function rebuild(
  state: AnnotationState,
  index: SpanIndex,
  editorState: EditorState,
  options: AnnotationPluginOptions,
): AnnotationState {
  const visible = visibleOf(index, state.hidden);
  const next = { ...state, spans: index.spans, index, visible };
  const { window } = next;
  const region =
    window === null
      ? { start: 0, end: options.text.length }
      : visible.closedRegion([{ start: window.from, end: window.to }]);
  const decorations = region === null ? [] : drawRegion(visible, region, window, next, options);
  return { ...next, decorations: DecorationSet.create(editorState.doc, decorations) };
}

/**
 * Draws for a new window: only around the parts of the text that entered or left it (the runs that meet both
 * windows stay as they are), so a scroll step costs the text it uncovers, not the window.
 */
function moveWindow(
  state: AnnotationState,
  window: TextWindow | null,
  editorState: EditorState,
  options: AnnotationPluginOptions,
): AnnotationState {
  const old = state.window;
  if (old === null || window === null)
    return rebuild({ ...state, window }, state.index, editorState, options);
  const changed = [
    { start: Math.min(old.from, window.from), end: Math.max(old.from, window.from) },
    { start: Math.min(old.to, window.to), end: Math.max(old.to, window.to) },
  ];
  return changed
    .filter((range) => range.start < range.end)
    .reduce<AnnotationState>((s, range) => redraw(s, s.index, [range], editorState, options), {
      ...state,
      window,
    });
}

/** Redraws the region closed under overlap around the touched spans (old and new extents). */
function redraw(
  state: AnnotationState,
  index: SpanIndex,
  touched: readonly { start: number; end: number }[],
  editorState: EditorState,
  options: AnnotationPluginOptions,
): AnnotationState {
  const visible = index === state.index ? state.visible : visibleOf(index, state.hidden);
  const next = { ...state, spans: index.spans, index, visible };
  const regions = [state.visible.closedRegion(touched), visible.closedRegion(touched)].filter(
    (r): r is { start: number; end: number } => r !== null,
  );
  if (regions.length === 0) return next;
  // Widened again in the new spans: the union of two closed regions need not be closed.
  const region = visible.closedRegion(regions)!;
  const inRegion = (spec: Partial<RunSpec>) =>
    spec.run === true && spec.start! >= region.start && spec.end! <= region.end;
  const { offsets } = options;
  const old = state.decorations.find(
    offsets.textToPos(region.start),
    offsets.textToPos(region.end),
    inRegion,
  );
  const fresh = drawRegion(visible, region, state.window, next, options);
  return { ...next, decorations: state.decorations.remove(old).add(editorState.doc, fresh) };
}
