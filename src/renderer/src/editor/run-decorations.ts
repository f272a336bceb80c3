// Turns one layer's spans into ProseMirror decorations, one flat run element each (src/renderer/editor): the
// spans of a region closed under overlap get their tracks and runs (span-runs.ts), runs are cut at line
// breaks, and only the runs that meet the text window (what is near the viewport) become decorations.
import { Decoration } from 'prosemirror-view';
import type { ParagraphOffsets } from '@shared/text';
import type { SpanIndex } from './span-index';
import { assignTracks, computeRuns, type Run } from './span-runs';

/** Tracks beyond this draw on the last one (a cap, so deep overlaps do not push lines into the next row). */
export const MAX_TRACK = 5;

/** How a layer is drawn: the side of the text its lines go and how far out its band starts. */
export interface LayerLook {
  side: 'below' | 'above';
  /** First track of this layer's band, so two layers on one side do not draw over each other. */
  band: number;
  /** Extra class on every run (e.g. the layer's role: mine, colleague, gold). */
  className: string;
}

/** A range of the text in offsets, start inclusive, end exclusive. */
export interface TextWindow {
  from: number;
  to: number;
}

export interface RunStyle {
  text: string;
  offsets: ParagraphOffsets;
  look: LayerLook;
  describe: (label: string) => string;
}

/** What marks a run beyond its spans' labels: the selected span, emphasised spans, extra classes (review). */
export interface RunMarks {
  focusedId: string | null;
  emphasized: ReadonlySet<string>;
  classes: ReadonlyMap<string, string>;
}

/** What each run decoration remembers, so a redraw can find the runs of a region. */
export interface RunSpec {
  run: true;
  start: number;
  end: number;
}

type RunPart = Run & { continues?: boolean };

/**
 * Decorations for the runs of `region` (which must be closed under overlap in `visible`) that meet `window`
 * (null: the whole text).
 */
export function drawRegion(
  visible: SpanIndex,
  region: { start: number; end: number },
  window: TextWindow | null,
  marks: RunMarks,
  style: RunStyle,
): Decoration[] {
  const local = visible.overlapping(region.start, region.end);
  const meets = (part: { start: number; end: number }): boolean =>
    window === null || (part.start < window.to && part.end > window.from);
  return computeRuns(local, assignTracks(local))
    .filter(meets)
    .flatMap((run) => splitAtLineBreaks(run, style.text))
    .filter(meets)
    .map((run) => decorateRun(run, marks, style));
}

/**
 * Cuts a run at each line break inside it. The part before a break is marked `continues`, so a span that
 * crosses a paragraph break shows that it goes on (analysts may tag across paragraphs; it must be visible).
 */
function splitAtLineBreaks(run: Run, text: string): RunPart[] {
  const parts: RunPart[] = [];
  let from = run.start;
  for (let at = text.indexOf('\n', from); at >= 0 && at < run.end; at = text.indexOf('\n', from)) {
    if (at > from) parts.push({ ...run, start: from, end: at, continues: true });
    from = at + 1;
  }
  if (from < run.end) parts.push({ ...run, start: from });
  return parts;
}

function decorateRun(run: RunPart, marks: RunMarks, style: RunStyle): Decoration {
  const { look, offsets } = style;
  const classes = ['tw-run', `tw-side-${look.side}`, look.className];
  let depth = 0;
  for (const span of run.covering) {
    const drawn = Math.min(look.band + span.track, MAX_TRACK);
    depth = Math.max(depth, drawn + 1);
    classes.push(`tw-u${drawn}-${span.label}`);
    if (marks.emphasized.has(span.id)) classes.push('tw-emphasis');
    const extra = marks.classes.get(span.id);
    if (extra !== undefined && !classes.includes(`tw-cmp-${extra}`)) classes.push(`tw-cmp-${extra}`);
    if (span.id === marks.focusedId) {
      classes.push('tw-focus');
      if (span.start === run.start) classes.push('tw-focus-start');
      if (span.end === run.end) classes.push('tw-focus-end');
    }
  }
  classes.push(`tw-depth-${depth}`);
  if (run.continues === true) classes.push('tw-continues');
  if (run.covering.some((span) => span.start === run.start)) classes.push('tw-starts');
  return Decoration.inline(
    offsets.textToPos(run.start),
    offsets.textToPos(run.end),
    {
      nodeName: 'span',
      class: classes.join(' '),
      'data-span-ids': run.covering.map((c) => c.id).join(' '),
      'data-labels': [...new Set(run.covering.map((c) => c.label))].join(' '),
      title: run.covering.map((c) => style.describe(c.label)).join(' + '),
    },
    { run: true, start: run.start, end: run.end } satisfies RunSpec,
  );
}
