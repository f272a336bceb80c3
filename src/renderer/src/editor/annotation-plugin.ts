// The annotation plugin (src/renderer/editor): one instance per layer (its own PluginKey), holding the spans
// it draws and their DecorationSet of flat runs (span-runs.ts). It changes only on messages carried as
// transaction metadata — sync | add | remove | update | focus | hide — and redraws only the region closed
// under overlap around what changed, so a tag costs the spans near it, not the document.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ParagraphOffsets } from '@shared/text';
import { assignTracks, closedRegion, computeRuns, spansIn, type Run, type RunSpan } from './span-runs';

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

/** How a layer is drawn: the side of the text its lines go and how far out its band starts. */
export interface LayerLook {
  side: 'below' | 'above';
  /** First track of this layer's band, so two layers on one side do not draw over each other. */
  band: number;
  /** Extra class on every run (e.g. the layer's role: mine, colleague, gold). */
  className: string;
}

export interface AnnotationState {
  /** All spans of the layer in text order (hidden labels included). */
  spans: readonly DecoratedSpan[];
  byId: ReadonlyMap<string, DecoratedSpan>;
  tracks: ReadonlyMap<string, number>;
  decorations: DecorationSet;
  focusedId: string | null;
  hidden: ReadonlySet<string>;
  emphasized: ReadonlySet<string>;
  classes: ReadonlyMap<string, string>;
}

export interface AnnotationPluginOptions {
  key: PluginKey<AnnotationState>;
  text: string;
  offsets: ParagraphOffsets;
  look: LayerLook;
  describe: (label: string) => string;
}

/** Tracks beyond this draw on the last one (a cap, so deep overlaps do not push lines into the next row). */
export const MAX_TRACK = 5;

export function annotationKey(layer: string): PluginKey<AnnotationState> {
  return new PluginKey<AnnotationState>(`tagwright-layer-${layer}`);
}

const EMPTY: AnnotationState = {
  spans: [],
  byId: new Map(),
  tracks: new Map(),
  decorations: DecorationSet.empty,
  focusedId: null,
  hidden: new Set(),
  emphasized: new Set(),
  classes: new Map(),
};

export function annotationPlugin(options: AnnotationPluginOptions): Plugin<AnnotationState> {
  const draw: Draw = {
    runs: (state, runs) =>
      runs
        .flatMap((run) => splitAtLineBreaks(run, options.text))
        .map((run) => decorateRun(run, state, options)),
    offsets: options.offsets,
  };
  return new Plugin<AnnotationState>({
    key: options.key,
    state: {
      init: () => EMPTY,
      apply: (tr, value, _old, editorState) => applyMessages(tr, value, editorState, options.key, draw),
    },
    props: {
      decorations: (state) => options.key.getState(state)?.decorations,
    },
  });
}

/**
 * Cuts a run at each line break inside it. The part before a break is marked `continues`, so a span that
 * crosses a paragraph break shows that it goes on (analysts may tag across paragraphs; it must be visible).
 */
function splitAtLineBreaks(run: Run, text: string): (Run & { continues?: boolean })[] {
  const parts: (Run & { continues?: boolean })[] = [];
  let from = run.start;
  for (let at = text.indexOf('\n', from); at >= 0 && at < run.end; at = text.indexOf('\n', from)) {
    if (at > from) parts.push({ ...run, start: from, end: at, continues: true });
    from = at + 1;
  }
  if (from < run.end) parts.push({ ...run, start: from });
  return parts;
}

function decorateRun(
  run: Run & { continues?: boolean },
  state: AnnotationState,
  options: AnnotationPluginOptions,
): Decoration {
  const { look, offsets } = options;
  const classes = ['tw-run', `tw-side-${look.side}`, look.className];
  let depth = 0;
  for (const { id, label, track } of run.covering) {
    const drawn = Math.min(look.band + track, MAX_TRACK);
    depth = Math.max(depth, drawn + 1);
    classes.push(`tw-u${drawn}-${label}`);
    if (state.emphasized.has(id)) classes.push('tw-emphasis');
    const extra = state.classes.get(id);
    if (extra !== undefined && !classes.includes(`tw-cmp-${extra}`)) classes.push(`tw-cmp-${extra}`);
    if (id === state.focusedId) {
      classes.push('tw-focus');
      const span = state.byId.get(id);
      if (span?.start === run.start) classes.push('tw-focus-start');
      if (span?.end === run.end) classes.push('tw-focus-end');
    }
  }
  classes.push(`tw-depth-${depth}`);
  if (run.continues === true) classes.push('tw-continues');
  const starts = run.covering.some(({ id }) => state.byId.get(id)?.start === run.start);
  if (starts) classes.push('tw-starts');
  return Decoration.inline(
    offsets.textToPos(run.start),
    offsets.textToPos(run.end),
    {
      nodeName: 'span',
      class: classes.join(' '),
      'data-span-ids': run.covering.map((c) => c.id).join(' '),
      'data-labels': [...new Set(run.covering.map((c) => c.label))].join(' '),
      title: run.covering.map((c) => options.describe(c.label)).join(' + '),
    },
    { run: true, start: run.start, end: run.end } satisfies RunSpec,
  );
}

interface RunSpec {
  run: true;
  start: number;
  end: number;
}

interface Draw {
  runs: (state: AnnotationState, runs: Run[]) => Decoration[];
  offsets: ParagraphOffsets;
}

function applyMessages(
  tr: Transaction,
  value: AnnotationState,
  editorState: EditorState,
  key: PluginKey<AnnotationState>,
  draw: Draw,
): AnnotationState {
  const meta = tr.getMeta(key) as AnnotationMeta | readonly AnnotationMeta[] | undefined;
  if (meta === undefined)
    return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
  const messages = Array.isArray(meta) ? (meta as readonly AnnotationMeta[]) : [meta as AnnotationMeta];
  return messages.reduce((state, message) => applyMessage(state, message, editorState, draw), value);
}

function applyMessage(
  state: AnnotationState,
  meta: AnnotationMeta,
  editorState: EditorState,
  draw: Draw,
): AnnotationState {
  switch (meta.kind) {
    case 'sync':
      return rebuild({ ...state, focusedId: meta.focusedId }, meta.spans, editorState, draw);
    case 'hide':
      return rebuild({ ...state, hidden: meta.labels }, state.spans, editorState, draw);
    case 'classes':
      return rebuild({ ...state, classes: meta.classes }, state.spans, editorState, draw);
    case 'focus': {
      const touched = [state.focusedId, meta.id].map((id) => (id === null ? undefined : state.byId.get(id)));
      return redraw({ ...state, focusedId: meta.id }, state.spans, touched, editorState, draw);
    }
    case 'emphasis': {
      const ids = [...state.emphasized, ...meta.ids];
      const touched = ids.map((id) => state.byId.get(id));
      return redraw({ ...state, emphasized: new Set(meta.ids) }, state.spans, touched, editorState, draw);
    }
    case 'add':
    case 'update':
    case 'remove': {
      const changedIds = new Set(meta.kind === 'remove' ? meta.ids : meta.spans.map((s) => s.id));
      const before = [...changedIds].map((id) => state.byId.get(id));
      const kept = state.spans.filter((s) => !changedIds.has(s.id));
      const spans = meta.kind === 'remove' ? kept : [...kept, ...meta.spans].sort(byStart);
      const focusedId =
        meta.kind === 'remove' && changedIds.has(state.focusedId ?? '') ? null : state.focusedId;
      const after = meta.kind === 'remove' ? [] : meta.spans;
      return redraw({ ...state, focusedId }, spans, [...before, ...after], editorState, draw);
    }
  }
}

function byStart(a: DecoratedSpan, b: DecoratedSpan): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function visibleOf(state: AnnotationState, spans: readonly DecoratedSpan[]): DecoratedSpan[] {
  return state.hidden.size === 0 ? [...spans] : spans.filter((s) => !state.hidden.has(s.label));
}

function rebuild(
  state: AnnotationState,
  spans: readonly DecoratedSpan[],
  editorState: EditorState,
  draw: Draw,
): AnnotationState {
  const sorted = [...spans].sort(byStart);
  const visible = visibleOf(state, sorted);
  const tracks = assignTracks(visible);
  const next = { ...state, spans: sorted, byId: new Map(sorted.map((s) => [s.id, s])), tracks };
  return {
    ...next,
    decorations: DecorationSet.create(editorState.doc, draw.runs(next, computeRuns(visible, tracks))),
  };
}

/** Redraws the region closed under overlap around the touched spans (old and new extents). */
function redraw(
  state: AnnotationState,
  spans: readonly DecoratedSpan[],
  touched: readonly (DecoratedSpan | undefined)[],
  editorState: EditorState,
  draw: Draw,
): AnnotationState {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const base = { ...state, spans, byId };
  const extents = touched.filter((s): s is DecoratedSpan => s !== undefined);
  const visibleBefore = visibleOf(state, state.spans);
  const visibleAfter = visibleOf(base, spans);
  const regions = [closedRegion(visibleBefore, extents), closedRegion(visibleAfter, extents)].filter(
    (r): r is { start: number; end: number } => r !== null,
  );
  if (regions.length === 0) return base;
  const region = {
    start: Math.min(...regions.map((r) => r.start)),
    end: Math.max(...regions.map((r) => r.end)),
  };
  const local = spansIn(visibleAfter, region.start, region.end);
  const localTracks = assignTracks(local);
  const tracks = new Map(state.tracks);
  for (const span of spansIn(visibleBefore, region.start, region.end)) tracks.delete(span.id);
  for (const [id, track] of localTracks) tracks.set(id, track);
  const next = { ...base, tracks };
  const inRegion = (spec: Partial<RunSpec>) =>
    spec.run === true && spec.start! >= region.start && spec.end! <= region.end;
  const old = state.decorations.find(
    draw.offsets.textToPos(region.start),
    draw.offsets.textToPos(region.end),
    inRegion,
  );
  const fresh = draw.runs(next, computeRuns(local, localTracks));
  return { ...next, decorations: state.decorations.remove(old).add(editorState.doc, fresh) };
}
