// Series of measured steps for the renderer benchmark (bench/, Node side of Playwright): tag a word pair with
// hotkey 1 and undo it with Ctrl+Z, or scroll the text by 600 px, each step traced for main-thread busy time
// (trace.ts) and timed in the page (page-probes.ts); plus heap and DOM-node probes through CDP.
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { TagTarget } from '../lib/corpus';
import { summarize, type Samples } from '../lib/stats';
import {
  armChange,
  awaitChange,
  scrollStep,
  scrollToTop,
  selectInParagraph,
  type ChangeTiming,
  type ExpectedChange,
} from './page-probes';
import { traceSteps, type StepTimes } from './trace';

export interface TagSeries {
  /** Key press to the painted frame: main-thread busy time, and wall time. */
  tagBusy: Samples;
  tagWall: Samples;
  /** Busy time including what runs right after the frame (the side panel catching up). */
  tagBusyToEnd: Samples;
  undoBusy: Samples;
  undoWall: Samples;
  /** The save request's round trip (Tagwright only): the browser's own timing of annotations:apply. */
  save: Samples | null;
}

export interface ScrollSeries {
  busy: Samples;
  wall: Samples;
  /** Share of steps whose busy time exceeded one 60 Hz frame (16 ms), in %. */
  over16: number;
}

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

export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.textContent === 'All changes saved',
  );
}

/** One key press while watching for its change (and, in Tagwright, its save); `mark` numbers the step. */
async function pressAndMeasure(
  page: Page,
  key: string,
  change: ExpectedChange,
  mark: number,
  saves: boolean,
): Promise<{ timing: ChangeTiming; saveMs: number }> {
  await page.evaluate(armChange, { change, mark });
  const saved = saves ? page.waitForResponse((r) => r.url().endsWith('/api/annotations:apply')) : null;
  await page.keyboard.press(key);
  const timing = await page.evaluate(awaitChange);
  if (saved === null) return { timing, saveMs: Number.NaN };
  const response = await saved;
  await response.finished();
  if (!response.ok()) throw new Error(`the save answered ${response.status()}`);
  await waitSaved(page);
  return { timing, saveMs: response.request().timing().responseEnd };
}

async function select(page: Page, target: TagTarget): Promise<void> {
  await page.evaluate(selectInParagraph, target);
  // Let the page take in the selection change (ProseMirror reads it on selectionchange) and the scroll
  // outside the measured step.
  await page.waitForTimeout(50);
}

/**
 * The steps of a tag series: each target tagged with hotkey 1, then undone with Ctrl+Z (so the document ends
 * unchanged); marks 2i and 2i+1. `onSave` receives each tag's save round trip (Tagwright only).
 */
export function tagSteps(
  page: Page,
  text: string,
  targets: readonly TagTarget[],
  onSave: ((i: number, ms: number) => void) | null,
): () => Promise<void> {
  return async () => {
    for (const [i, target] of targets.entries()) {
      await select(page, target);
      const change = { kind: 'add', para: target.para } as const;
      const added = await pressAndMeasure(page, '1', change, 2 * i, onSave !== null);
      const expected = text.slice(target.start, target.end);
      if (added.timing.text !== expected) {
        throw new Error(`tag ${i} drew "${added.timing.text}" instead of "${expected}"`);
      }
      const removed = { kind: 'remove', spanId: added.timing.spanId } as const;
      await pressAndMeasure(page, 'Control+z', removed, 2 * i + 1, onSave !== null);
      onSave?.(i, added.saveMs);
    }
  };
}

/** A traced tag series; the first `warmup` targets are not counted. */
export async function tagAndUndo(
  browser: Browser,
  page: Page,
  text: string,
  targets: readonly TagTarget[],
  options: { warmup: number; saves: boolean },
): Promise<TagSeries> {
  const saves: number[] = [];
  const onSave = options.saves ? (i: number, ms: number) => i >= options.warmup && saves.push(ms) : null;
  const times = await traceSteps(browser, page, tagSteps(page, text, targets, onSave));
  const pick = (parity: 0 | 1, field: keyof StepTimes): Samples =>
    summarize(
      targets.slice(options.warmup).map((_, i) => times.get(2 * (i + options.warmup) + parity)![field]),
    );
  return {
    tagBusy: pick(0, 'busyMs'),
    tagWall: pick(0, 'wallMs'),
    tagBusyToEnd: pick(0, 'busyToEndMs'),
    undoBusy: pick(1, 'busyMs'),
    undoWall: pick(1, 'wallMs'),
    save: options.saves ? summarize(saves) : null,
  };
}

/** From the top of the text, `count` scroll steps of `px` down, each traced. */
export async function scrollDown(
  browser: Browser,
  page: Page,
  count: number,
  px = 600,
): Promise<ScrollSeries> {
  await page.evaluate(scrollToTop);
  const steps = await traceSteps(browser, page, async () => {
    for (let i = 0; i < count; i++) await page.evaluate(scrollStep, { px, mark: i });
  });
  const busy = [...steps.values()].map((s) => s.busyMs);
  return {
    busy: summarize(busy),
    wall: summarize([...steps.values()].map((s) => s.wallMs)),
    over16: (100 * busy.filter((ms) => ms > 16).length) / busy.length,
  };
}
