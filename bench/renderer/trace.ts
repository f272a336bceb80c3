// Main-thread busy time from a Chromium trace (bench/, renderer benchmark). The page probes bracket each
// measured step with `tw-start:<n>` / `tw-end:<n>` marks; busy time is the sum of the page's main-thread tasks
// from the one holding the start mark up to the end mark (JS, style, layout, paint, commit: everything the
// main thread did), so idle waits for the next frame never count and work deferred to another task does.
// `traceDetail` breaks a few steps down by event kind, to show where the busy time goes.
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
const DETAIL_CATEGORIES = [...BUSY_CATEGORIES, 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'];

export interface StepTimes {
  busyMs: number;
  wallMs: number;
}

/** Runs `steps` under a trace and returns the busy and wall time of every `tw-start:<n>`…`tw-end:<n>` pair. */
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

function marks(events: readonly TraceEvent[]): Map<number, { start?: TraceEvent; end?: TraceEvent }> {
  const pairs = new Map<number, { start?: TraceEvent; end?: TraceEvent }>();
  for (const event of events) {
    const match = /^tw-(start|end):(\d+)$/.exec(event.name);
    if (match === null) continue;
    const pair = pairs.get(Number(match[2])) ?? {};
    pair[match[1] as 'start' | 'end'] = event;
    pairs.set(Number(match[2]), pair);
  }
  return pairs;
}

function busyBetweenMarks(events: readonly TraceEvent[]): Map<number, StepTimes> {
  const result = new Map<number, StepTimes>();
  for (const [n, { start, end }] of marks(events)) {
    if (start === undefined || end === undefined) throw new Error(`trace lacks a mark of step ${n}`);
    const tasks = events.filter(
      (e) => e.ph === 'X' && e.name === TASK && e.pid === start.pid && e.tid === start.tid,
    );
    const from = tasks.find((t) => t.ts <= start.ts && start.ts <= t.ts + (t.dur ?? 0))?.ts ?? start.ts;
    let busy = 0;
    for (const task of tasks) {
      const taskEnd = Math.min(task.ts + (task.dur ?? 0), end.ts);
      if (taskEnd > from && task.ts < end.ts) busy += taskEnd - Math.max(task.ts, from);
    }
    result.set(n, { busyMs: busy / 1000, wallMs: (end.ts - from) / 1000 });
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
  const sums = Object.fromEntries(Object.keys(DETAIL_EVENTS).map((k) => [k, 0])) as Record<DetailEvent, number>;
  for (const { start, end } of pairs) {
    if (start === undefined || end === undefined) continue;
    for (const e of events) {
      if (e.ph !== 'X' || e.tid !== start.tid || e.pid !== start.pid || !(e.name in DETAIL_EVENTS)) continue;
      if (e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts) sums[e.name as DetailEvent] += (e.dur ?? 0) / 1000;
    }
  }
  for (const name of Object.keys(sums) as DetailEvent[]) sums[name] /= Math.max(1, pairs.length);
  return sums;
}
