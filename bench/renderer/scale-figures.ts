// The renderer figures at one document scale (bench/, Node side of Playwright), for Tagwright and for the
// bare ProseMirror baseline alike: cold opens (time to the first frame, heap growth after GC, DOM nodes in
// the text and on screen), tag and undo series, and scroll steps from the top of the text.
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { BenchSpan } from '../lib/corpus';
import { tagTargets } from '../lib/scales';
import { summarize, type Samples } from '../lib/stats';
import { closeBaseline, loadBaseline, openBaseline } from './baseline-page';
import { domCounts, openAndWait, type OpenTiming } from './page-probes';
import { memory, scrollDown, tagAndUndo, type ScrollSeries, type TagSeries } from './tagging';

export interface Repetitions {
  opens: number;
  tags: number;
  warmup: number;
  scrollSteps: number;
}

export interface DomFigures {
  /** Nodes (elements and texts) inside the text's DOM. */
  editor: number;
  onScreen: number;
  /** Every node of the page (Tagwright's chrome and lists included). */
  page: number;
}

export interface ScaleFigures {
  open: Samples;
  /** Medians of the open's parts (Tagwright only). */
  openParts: Omit<OpenTiming, 'frameMs'> | null;
  heapGrowthMb: Samples;
  dom: DomFigures;
  tags: TagSeries;
  scroll: ScrollSeries;
}

export interface BenchDocument {
  title: string;
  /** The first words of the text, to know it is drawn. */
  prefix: string;
  text: string;
  spans: readonly BenchSpan[];
}

export const prefixOf = (text: string): string => text.split('\n')[0]!.slice(0, 40);

interface OpenRun {
  openMs: number;
  /** Tagwright only: where the open went (see OpenTiming). */
  parts?: Omit<OpenTiming, 'frameMs'>;
  growthMb: number;
  dom: DomFigures;
}

function figures(opens: readonly OpenRun[], tags: TagSeries, scroll: ScrollSeries): ScaleFigures {
  const part = (key: keyof Omit<OpenTiming, 'frameMs'>): number =>
    summarize(opens.map((o) => o.parts?.[key] ?? Number.NaN)).median;
  const parts =
    opens[0]?.parts === undefined
      ? null
      : { hostMs: part('hostMs'), downloadMs: part('downloadMs'), pageMs: part('pageMs') };
  return {
    open: summarize(opens.map((o) => o.openMs)),
    openParts: parts,
    heapGrowthMb: summarize(opens.map((o) => o.growthMb)),
    dom: opens[0]!.dom,
    tags,
    scroll,
  };
}

/** Reloads Tagwright (the sample opens first), then opens `doc` from the list: a cold open each time. */
async function openCold(
  page: Page,
  cdp: CDPSession,
  doc: BenchDocument,
  sample: BenchDocument,
): Promise<OpenRun> {
  await page.reload();
  await page.getByRole('heading', { level: 1, name: sample.title }).waitFor();
  await page.getByRole('textbox', { name: 'Document text' }).filter({ hasText: sample.prefix }).waitFor();
  const before = await memory(cdp);
  const { frameMs, ...parts } = await page.evaluate(openAndWait, {
    title: doc.title,
    prefix: doc.prefix,
    withSpans: doc.spans.length > 0,
  });
  const after = await memory(cdp);
  const dom = await page.evaluate(domCounts);
  return { openMs: frameMs, parts, growthMb: after.heapMb - before.heapMb, dom };
}

export async function measureTagwright(
  browser: Browser,
  page: Page,
  cdp: CDPSession,
  docs: { doc: BenchDocument; sample: BenchDocument },
  reps: Repetitions,
): Promise<ScaleFigures> {
  const opens: OpenRun[] = [];
  for (let run = 0; run < reps.opens; run++) opens.push(await openCold(page, cdp, docs.doc, docs.sample));
  const { text, spans } = docs.doc;
  const targets = tagTargets(text, spans, reps.tags + reps.warmup);
  const tags = await tagAndUndo(browser, page, text, targets, { warmup: reps.warmup, saves: true });
  return figures(opens, tags, await scrollDown(browser, page, reps.scrollSteps));
}

/** The same figures for the bare ProseMirror baseline, in a page of its own. */
export async function measureBaseline(
  browser: Browser,
  doc: BenchDocument,
  reps: Repetitions,
): Promise<ScaleFigures> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await loadBaseline(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const opens: OpenRun[] = [];
    for (let run = 0; run < reps.opens; run++) {
      await closeBaseline(page);
      const before = await memory(cdp);
      const openMs = await openBaseline(page, doc.text, doc.spans);
      const after = await memory(cdp);
      opens.push({ openMs, growthMb: after.heapMb - before.heapMb, dom: await page.evaluate(domCounts) });
    }
    const targets = tagTargets(doc.text, doc.spans, reps.tags + reps.warmup);
    const tags = await tagAndUndo(browser, page, doc.text, targets, { warmup: reps.warmup, saves: false });
    return figures(opens, tags, await scrollDown(browser, page, reps.scrollSteps));
  } finally {
    await page.close();
  }
}
