// Benchmark 3b, the renderer on a 1 MB text (bench/, Debian Chromium against the built host): time to open
// the document, JS heap after opening, and the latency of a tag and of its undo (key press until the change is
// drawn and a frame has passed), each against the 5 KB sample article opened and tagged in the same session.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/support/chromium';
import { BIG_DOC, bigArticle, tagTargets } from '../lib/corpus';
import { row, type Notes, type SuiteResult } from '../lib/report';
import { summarize, type Samples } from '../lib/stats';
import { addSpanOps, base64 } from '../lib/workbench';
import { startBenchHost, type BenchHost } from './host';
import { openAndWait } from './page-probes';
import { memory, tagAndUndo, type Memory, type TagSamples } from './tagging';
import { TRACED_EVENTS, traceTags } from './trace';

const OPEN_RUNS = 5;
const TRACED_TAGS = 3;
const TAG_RUNS = 20;
const TAG_WARMUP = 2;

interface OpenTarget {
  title: string;
  prefix: string;
  minSpans: number;
}

interface Fixture {
  sample: OpenTarget & { text: string };
  big: OpenTarget & { text: string; spans: ReturnType<typeof bigArticle>['spans'] };
}

/** Imports the 1 MB article and its spans through the HTTP API, as a colleague's package would arrive. */
async function loadDocuments(host: BenchHost): Promise<Fixture> {
  const view = await host.call('workspace:get', {});
  const layer = view.localAnnotator!.id;
  const sampleSummary = view.documents[0]!;
  const { text, spans } = bigArticle();
  const report = await host.call('documents:import', {
    files: [{ name: 'bench-1mb-article.txt', dataBase64: base64(text) }],
  });
  const big = report.imported[0]!;
  for (let i = 0; i < spans.length; i += 5000) {
    await host.call('annotations:apply', { docId: big.id, layer, ops: addSpanOps(spans.slice(i, i + 5000)) });
  }
  const sampleText = (await host.call('document:get', { docId: sampleSummary.id })).text;
  const prefix = (t: string): string => t.split('\n')[0]!.slice(0, 40);
  return {
    sample: { title: sampleSummary.title, prefix: prefix(sampleText), minSpans: 0, text: sampleText },
    big: { title: big.title, prefix: prefix(text), minSpans: spans.length, text, spans },
  };
}

async function openDocument(page: Page, target: OpenTarget): Promise<number> {
  const { title, prefix, minSpans } = target;
  return (await page.evaluate(openAndWait, { title, prefix, minSpans })).frameMs;
}

interface Opens {
  big: Samples;
  sample: Samples;
  /** Memory with the sample open before the 1 MB document was ever opened, with it open, and after. */
  before: Memory;
  open: Memory[];
  after: Memory;
}

/** Alternates between the 1 MB document and the sample, timing every open. */
async function measureOpens(page: Page, cdp: CDPSession, fx: Fixture): Promise<Opens> {
  const before = await memory(cdp);
  const big: number[] = [];
  const sample: number[] = [];
  const open: Memory[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    big.push(await openDocument(page, fx.big));
    open.push(await memory(cdp));
    sample.push(await openDocument(page, fx.sample));
  }
  return { big: summarize(big), sample: summarize(sample), before, open, after: await memory(cdp) };
}

function describeOpens(opens: Opens, notes: Notes): void {
  notes['renderer: DOM nodes with 1 MB doc open / sample open'] =
    `${opens.open[0]!.nodes} / ${opens.before.nodes}`;
  notes[`renderer: JS heap back on the sample after ${OPEN_RUNS} opens of the 1 MB doc`] =
    `${opens.after.heapMb.toFixed(1)} MB (before: ${opens.before.heapMb.toFixed(1)} MB)`;
}

function describeTags(big: TagSamples, small: TagSamples, notes: Notes): void {
  notes['renderer: tag key -> DOM changed (before the frame), 1 MB / sample'] =
    `${big.tagDom.median.toFixed(1)} ms / ${small.tagDom.median.toFixed(1)} ms`;
  notes['renderer: tag p90, 1 MB / sample'] = `${big.tag.p90.toFixed(1)} ms / ${small.tag.p90.toFixed(1)} ms`;
  const split = (t: TagSamples): string =>
    `script ${t.mainThread.ScriptDuration.toFixed(1)}, layout ${t.mainThread.LayoutDuration.toFixed(1)}, ` +
    `style ${t.mainThread.RecalcStyleDuration.toFixed(1)}, all tasks ${t.mainThread.TaskDuration.toFixed(1)} ms`;
  notes['renderer: main thread per tag, 1 MB doc (mean)'] = split(big);
  notes['renderer: main thread per tag, sample (mean)'] = split(small);
}

async function measure(
  browser: Browser,
  page: Page,
  cdp: CDPSession,
  fx: Fixture,
  notes: Notes,
): Promise<SuiteResult> {
  const opens = await measureOpens(page, cdp, fx);
  describeOpens(opens, notes);
  const sampleTargets = tagTargets(fx.sample.text, [], TAG_RUNS + TAG_WARMUP);
  const small = await tagAndUndo(page, cdp, fx.sample.text, sampleTargets, TAG_WARMUP);
  await openDocument(page, fx.big);
  const bigTargets = tagTargets(fx.big.text, fx.big.spans, TAG_RUNS + TAG_WARMUP + TRACED_TAGS);
  const big = await tagAndUndo(page, cdp, fx.big.text, bigTargets.slice(TRACED_TAGS), TAG_WARMUP);
  describeTags(big, small, notes);
  const traced = await traceTags(browser, page, cdp, bigTargets.slice(0, TRACED_TAGS));
  notes[`renderer: trace of ${TRACED_TAGS} tags in the 1 MB doc, main thread per tag`] = Object.entries(
    traced,
  )
    .map(([event, ms]) => `${TRACED_EVENTS[event as keyof typeof TRACED_EVENTS]} ${ms.toFixed(1)}`)
    .join(', ')
    .concat(' ms');
  const doc = `1 MB / ${BIG_DOC.spans} spans`;
  const bigHeap = summarize(opens.open.map((m) => m.heapMb));
  return {
    rows: [
      row('renderer', `open doc, ${doc}`, 'ms', opens.big, opens.sample, '5 KB sample'),
      row('renderer', 'JS heap after opening 1 MB doc', 'MB', bigHeap, opens.before.heapMb, '5 KB sample'),
      row('renderer', `tag (key -> painted), ${doc}`, 'ms', big.tag, small.tag, '5 KB sample'),
      row('renderer', `undo (Ctrl+Z -> painted), ${doc}`, 'ms', big.undo, small.undo, '5 KB sample'),
      row('renderer', `tag save round trip (HTTP), ${doc}`, 'ms', big.save, small.save, '5 KB sample'),
    ],
    notes,
  };
}

export async function runRendererBench(): Promise<SuiteResult> {
  const host = await startBenchHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx (esbuild keepNames) wraps named inner functions in __name(); the probes run in the page without it.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(host.url);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Bench');
    await page.getByRole('button', { name: 'Start tagging' }).click();
    await page.getByRole('textbox', { name: 'Document text' }).waitFor();
    const fixture = await loadDocuments(host);
    // The page learned the document list before the import; reload it (the sample opens first).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: fixture.sample.title }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return await measure(browser, page, cdp, fixture, {});
  } finally {
    await browser.close();
    await host.stop();
  }
}
