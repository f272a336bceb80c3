// Main-thread busy time from a Chromium trace (bench/, renderer benchmark). The page probes mark each step's
// trigger (`tw-start:<n>`), the frame that paints it (`tw-frame:<n>`) and a task after that (`tw-end:<n>`).
// Busy time to paint is the sum of the page's main-thread tasks from the one holding the trigger to the end
// of the one holding the frame mark (JS, style, layout, paint, commit: everything the main thread did), so
// idle waits for the frame never count; busy time to the end adds what the page queued behind that frame
// (side panels rendered after the paint). `traceDetail` breaks a few steps down by kind of work.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const TASK = 'ThreadControllerImpl::RunTask';
const BUSY_CATEGORIES = ['toplevel', 'blink.user_timing'];

/** Kinds of work summed by `traceDetail`. They nest (layout runs inside the key handler when forced). */
export const DETAIL_EVENTS = {
  EventDispatch: 'event handlers',
  'Editor::SyncSelection': 'selection sync',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
} as const;
type DetailEvent = keyof typeof DETAIL_EVENTS;
const DETAIL_CATEGORIES = [
  ...BUSY_CATEGORIES,
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
];

export interface StepTimes {
  /** Main-thread busy time from the trigger to the end of the frame that paints it. */
  busyMs: number;
  /** Wall time from the trigger to the end of that frame. */
  wallMs: number;
  /** Busy time up to the end mark: also what was queued to run right after the frame. */
  busyToEndMs: number;
}

/** Runs `steps` under a trace and returns the busy and wall times of every marked step. */
export async function traceSteps(
  browser: Browser,
  page: Page,
  steps: () => Promise<void>,
): Promise<Map<number, StepTimes>> {
  return busyBetweenMarks(parse(await traced(browser, page, BUSY_CATEGORIES, steps)));
}

async function traced(
  browser: Browser,
  page: Page,
  categories: string[],
  steps: () => Promise<void>,
): Promise<Buffer> {
  await browser.startTracing(page, { categories });
  let trace: Buffer;
  try {
    await steps();
  } finally {
    trace = await browser.stopTracing();
  }
  return trace;
}

function parse(trace: Buffer): TraceEvent[] {
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

type Marks = Partial<Record<'start' | 'frame' | 'end', TraceEvent>>;

function marks(events: readonly TraceEvent[]): Map<number, Marks> {
  const steps = new Map<number, Marks>();
  for (const event of events) {
    const match = /^tw-(start|frame|end):(\d+)$/.exec(event.name);
    if (match === null) continue;
    const step = steps.get(Number(match[2])) ?? {};
    step[match[1] as keyof Marks] = event;
    steps.set(Number(match[2]), step);
  }
  return steps;
}

function busyBetweenMarks(events: readonly TraceEvent[]): Map<number, StepTimes> {
  const result = new Map<number, StepTimes>();
  for (const [n, { start, frame, end }] of marks(events)) {
    if (start === undefined || frame === undefined || end === undefined)
      throw new Error(`trace lacks a mark of step ${n}`);
    const tasks = events.filter(
      (e) => e.ph === 'X' && e.name === TASK && e.pid === start.pid && e.tid === start.tid,
    );
    const holding = (mark: TraceEvent) =>
      tasks.find((t) => t.ts <= mark.ts && mark.ts <= t.ts + (t.dur ?? 0));
    const from = holding(start)?.ts ?? start.ts;
    const painted = Math.min(end.ts, (holding(frame)?.ts ?? frame.ts) + (holding(frame)?.dur ?? 0));
    const busyUntil = (until: number): number => {
      let busy = 0;
      for (const task of tasks) {
        const taskEnd = Math.min(task.ts + (task.dur ?? 0), until);
        if (taskEnd > from && task.ts < until) busy += taskEnd - Math.max(task.ts, from);
      }
      return busy / 1000;
    };
    result.set(n, {
      busyMs: busyUntil(painted),
      wallMs: (painted - from) / 1000,
      busyToEndMs: busyUntil(end.ts),
    });
  }
  return result;
}

/** Runs `steps` under a detailed trace; returns the mean ms per step of each kind of work between marks. */
export async function traceDetail(
  browser: Browser,
  page: Page,
  steps: () => Promise<void>,
): Promise<Record<DetailEvent, number>> {
  const events = parse(await traced(browser, page, DETAIL_CATEGORIES, steps));
  const pairs = [...marks(events).values()];
  const sums = Object.fromEntries(Object.keys(DETAIL_EVENTS).map((k) => [k, 0])) as Record<
    DetailEvent,
    number
  >;
  for (const { start, end } of pairs) {
    if (start === undefined || end === undefined) continue;
    for (const e of events) {
      if (e.ph !== 'X' || e.tid !== start.tid || e.pid !== start.pid || !(e.name in DETAIL_EVENTS)) continue;
      if (e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts)
        sums[e.name as DetailEvent] += (e.dur ?? 0) / 1000;
    }
  }
  for (const name of Object.keys(sums) as DetailEvent[]) sums[name] /= Math.max(1, pairs.length);
  return sums;
}
