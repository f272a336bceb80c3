// Where a tag's main-thread time goes (bench/, renderer benchmark): records a Chromium trace around a few tags
// in the 1 MB document and sums the renderer main thread's events of interest, so a slow tag points at its
// cause (JS in the key handler, Blink's selection sync, style, layout, pre-paint, paint, commit).
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { TagTarget } from '../lib/corpus';
import { armChange, awaitChange } from './page-probes';
import { pressAndMeasure, select, waitSaved } from './tagging';

/** Trace events summed per tag. They nest: selection syncs and forced layouts run inside the key handler. */
export const TRACED_EVENTS = {
  EventDispatch: 'key handler (JS + forced work)',
  'Editor::SyncSelection': 'DOM selection sync',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Commit: 'commit',
} as const;

type TracedEvent = keyof typeof TRACED_EVENTS;

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'];

function mainThreadSums(trace: Buffer): Record<TracedEvent, number> {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid),
  );
  const sums = Object.fromEntries(Object.keys(TRACED_EVENTS).map((k) => [k, 0])) as Record<
    TracedEvent,
    number
  >;
  for (const event of events) {
    if (event.ph === 'X' && main.has(event.tid) && event.name in TRACED_EVENTS) {
      sums[event.name as TracedEvent] += (event.dur ?? 0) / 1000;
    }
  }
  return sums;
}

/** Tags each target under a trace (then undoes it untraced); returns the mean ms per tag of each event. */
export async function traceTags(
  browser: Browser,
  page: Page,
  cdp: CDPSession,
  targets: readonly TagTarget[],
): Promise<Record<TracedEvent, number>> {
  const total = Object.fromEntries(Object.keys(TRACED_EVENTS).map((k) => [k, 0])) as Record<
    TracedEvent,
    number
  >;
  for (const target of targets) {
    await select(page, target);
    await page.evaluate(armChange, { kind: 'add' } as const);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.keyboard.press('1');
    const { spanId } = await page.evaluate(awaitChange);
    const sums = mainThreadSums(await browser.stopTracing());
    for (const name of Object.keys(total) as TracedEvent[]) total[name] += sums[name] / targets.length;
    await waitSaved(page);
    await pressAndMeasure(page, cdp, 'Control+z', { kind: 'remove', spanId });
  }
  return total;
}
