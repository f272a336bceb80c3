// Tagging and memory probes for the renderer benchmark (bench/, Node side of Playwright): select a word
// pair, press a label hotkey or Ctrl+Z, and collect the in-page timings, the save request's round trip and
// Chromium's main-thread metrics for each step.
import type { CDPSession, Page } from '@playwright/test';
import type { TagTarget } from '../lib/corpus';
import { summarize, type Samples } from '../lib/stats';
import { armChange, awaitChange, selectInParagraph, type ChangeTiming } from './page-probes';

export interface TagSamples {
  tag: Samples;
  tagDom: Samples;
  undo: Samples;
  save: Samples;
  /** Mean main-thread time per tag by kind (ms), from Chromium's Performance metrics before and after. */
  mainThread: Record<MainThreadMetric, number>;
}

export const MAIN_THREAD_METRICS = [
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'TaskDuration',
] as const;
export type MainThreadMetric = (typeof MAIN_THREAD_METRICS)[number];

export interface Memory {
  heapMb: number;
  nodes: number;
}

/** JS heap in use (after a forced GC) and DOM node count, as Chromium's Performance domain reports them. */
export async function memory(cdp: CDPSession): Promise<Memory> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMb: metric('JSHeapUsedSize') / (1024 * 1024), nodes: metric('Nodes') };
}

async function mainThreadTotals(cdp: CDPSession): Promise<Record<MainThreadMetric, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return Object.fromEntries(MAIN_THREAD_METRICS.map((name) => [name, seconds(name) * 1000])) as Record<
    MainThreadMetric,
    number
  >;
}

export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.textContent === 'All changes saved',
  );
}

/** Runs one key press while watching for its change and its save request; returns both timings. */
export async function pressAndMeasure(
  page: Page,
  cdp: CDPSession,
  key: string,
  change: Parameters<typeof armChange>[0],
): Promise<{ timing: ChangeTiming; saveMs: number; mainThread: Record<MainThreadMetric, number> }> {
  await page.evaluate(armChange, change);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/annotations:apply'));
  const before = await mainThreadTotals(cdp);
  await page.keyboard.press(key);
  const timing = await page.evaluate(awaitChange);
  const after = await mainThreadTotals(cdp);
  const mainThread = Object.fromEntries(
    MAIN_THREAD_METRICS.map((name) => [name, after[name] - before[name]]),
  ) as Record<MainThreadMetric, number>;
  const response = await saved;
  await response.finished();
  if (!response.ok()) throw new Error(`the save answered ${response.status()}`);
  await waitSaved(page);
  return { timing, saveMs: response.request().timing().responseEnd, mainThread };
}

export async function select(page: Page, target: TagTarget): Promise<void> {
  await page.evaluate(selectInParagraph, target);
  // ProseMirror reads the DOM selection on selectionchange; let that settle outside the measurement.
  await page.waitForTimeout(50);
}

/** Tags each target with hotkey '1' (claim), then undoes it with Ctrl+Z, so the document ends unchanged. */
export async function tagAndUndo(
  page: Page,
  cdp: CDPSession,
  text: string,
  targets: readonly TagTarget[],
  warmup: number,
): Promise<TagSamples> {
  const tag: number[] = [];
  const tagDom: number[] = [];
  const undo: number[] = [];
  const save: number[] = [];
  const mainThread = Object.fromEntries(MAIN_THREAD_METRICS.map((name) => [name, 0])) as Record<
    MainThreadMetric,
    number
  >;
  for (const [i, target] of targets.entries()) {
    await select(page, target);
    const added = await pressAndMeasure(page, cdp, '1', { kind: 'add' });
    const expected = text.slice(target.start, target.end);
    if (added.timing.text !== expected) {
      throw new Error(`tag ${i} drew "${added.timing.text}" instead of "${expected}"`);
    }
    const removed = await pressAndMeasure(page, cdp, 'Control+z', {
      kind: 'remove',
      spanId: added.timing.spanId,
    });
    if (i < warmup) continue;
    for (const name of MAIN_THREAD_METRICS)
      mainThread[name] += added.mainThread[name] / (targets.length - warmup);
    tag.push(added.timing.frameMs);
    tagDom.push(added.timing.domMs);
    undo.push(removed.timing.frameMs);
    save.push(added.saveMs);
  }
  return {
    tag: summarize(tag),
    tagDom: summarize(tagDom),
    undo: summarize(undo),
    save: summarize(save),
    mainThread,
  };
}
