// The renderer benchmark (bench/, Debian Chromium against the built host): at every document scale, Tagwright
// beside a bare ProseMirror + DecorationSet baseline over the same text and spans, in the same run — open
// (first frame), tag and undo (main-thread busy and wall time to the painted frame), 600 px scroll steps,
// heap growth after GC, DOM nodes — and the save round trip of a tag against the 5 KB sample's.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { buildRef } from '../lib/build-ref';
import { atMost, row, type Notes, type Row, type SuiteResult } from '../lib/report';
import { scalesToRun, taggedArticle, tagTargets, targetScale, type Scale } from '../lib/scales';
import { addSpanOps, base64 } from '../lib/workbench';
import { CHROMIUM, CHROMIUM_ARGS, startBenchHost, type BenchHost } from './host';
import {
  measureBaseline,
  measureTagwright,
  prefixOf,
  type BenchDocument,
  type Repetitions,
  type ScaleFigures,
} from './scale-figures';
import { tagAndUndo, tagSteps, type TagSeries } from './tagging';
import { DETAIL_EVENTS, traceDetail } from './trace';

const FULL: Repetitions = { opens: 5, tags: 20, warmup: 2, scrollSteps: 40 };
const QUICK: Repetitions = { opens: 2, tags: 3, warmup: 1, scrollSteps: 5 };
const DETAIL_TAGS = 3;

/** Imports each scale's article and its spans through the HTTP API, as a colleague's package would arrive. */
async function loadDocuments(host: BenchHost, scales: readonly Scale[]): Promise<Map<Scale, BenchDocument>> {
  const layer = (await host.call('workspace:get', {})).localAnnotator!.id;
  const docs = new Map<Scale, BenchDocument>();
  for (const [i, scale] of scales.entries()) {
    const { text, spans } = taggedArticle(scale);
    const report = await host.call('documents:import', {
      files: [{ name: `scale-${i + 1}-${scale.spans}-spans.txt`, dataBase64: base64(text) }],
    });
    const imported = report.imported[0];
    if (imported === undefined) throw new Error(`the ${scale.name} article was not imported`);
    for (let at = 0; at < spans.length; at += 5000) {
      const ops = addSpanOps(spans.slice(at, at + 5000));
      await host.call('annotations:apply', { docId: imported.id, layer, ops });
    }
    docs.set(scale, { title: imported.title, prefix: prefixOf(text), text, spans });
  }
  return docs;
}

async function sampleDocument(host: BenchHost): Promise<BenchDocument> {
  const summary = (await host.call('workspace:get', {})).documents[0]!;
  const { text } = await host.call('document:get', { docId: summary.id });
  return { title: summary.title, prefix: prefixOf(text), text, spans: [] };
}

function scaleRows(scale: Scale, app: ScaleFigures, base: ScaleFigures, targeted: boolean): Row[] {
  const at = (name: string): string => `${name}, ${scale.name}`;
  const pm = 'bare ProseMirror';
  const t = (limit: number) => (targeted ? atMost(limit) : undefined);
  const perScreen = (f: ScaleFigures): number => f.dom.editor / f.dom.onScreen;
  return [
    row('renderer', at('open (first frame)'), 'ms', app.open, base.open, pm, t(500)),
    row('renderer', at('tag key -> painted, busy'), 'ms', app.tags.tagBusy, base.tags.tagBusy, pm, t(16)),
    row('renderer', at('tag key -> painted, wall'), 'ms', app.tags.tagWall, base.tags.tagWall, pm),
    row('renderer', at('undo -> painted, busy'), 'ms', app.tags.undoBusy, base.tags.undoBusy, pm),
    row('renderer', at('undo -> painted, wall'), 'ms', app.tags.undoWall, base.tags.undoWall, pm),
    row(
      'renderer',
      at('600 px scroll step, busy median'),
      'ms',
      app.scroll.busy,
      base.scroll.busy,
      pm,
      t(16),
    ),
    row(
      'renderer',
      at('600 px scroll step, busy worst'),
      'ms',
      app.scroll.busy.max,
      base.scroll.busy.max,
      pm,
      t(16),
    ),
    row('renderer', at('scroll steps over 16 ms'), '%', app.scroll.over16, base.scroll.over16, pm),
    row('renderer', at('JS heap growth after GC'), 'MB', app.heapGrowthMb, base.heapGrowthMb, pm, t(30)),
    row('renderer', at('DOM nodes in the text'), 'nodes', app.dom.editor, base.dom.editor, pm),
    row(
      'renderer',
      at('DOM nodes in the text per node on screen'),
      'x',
      perScreen(app),
      perScreen(base),
      pm,
      t(2),
    ),
  ];
}

function describe(scale: Scale, app: ScaleFigures, base: ScaleFigures, notes: Notes): void {
  const dom = (f: ScaleFigures): string =>
    `${f.dom.editor} in the text (${f.dom.onScreen} on screen), ${f.dom.page} in the page`;
  notes[`renderer: DOM nodes after opening, ${scale.name}`] =
    `Tagwright ${dom(app)}; bare ProseMirror ${dom(base)}`;
  const parts = app.openParts;
  if (parts !== null)
    notes[`renderer: Tagwright's open, ${scale.name}`] =
      `host answers document:get after ${parts.hostMs.toFixed(0)} ms, download ${parts.downloadMs.toFixed(0)} ms, ` +
      `then ${parts.pageMs.toFixed(0)} ms in the page (parse, index, React, editor, first layout) to the frame`;
  notes[`renderer: tag busy p90 / max, ${scale.name}`] =
    `Tagwright ${app.tags.tagBusy.p90.toFixed(1)} / ${app.tags.tagBusy.max.toFixed(1)} ms; ` +
    `bare ProseMirror ${base.tags.tagBusy.p90.toFixed(1)} / ${base.tags.tagBusy.max.toFixed(1)} ms`;
  notes[`renderer: tag busy including the work queued right after the frame (side panel), ${scale.name}`] =
    `Tagwright ${app.tags.tagBusyToEnd.median.toFixed(1)} ms; bare ProseMirror ${base.tags.tagBusyToEnd.median.toFixed(1)} ms`;
}

interface App {
  host: BenchHost;
  page: Page;
  cdp: CDPSession;
  docs: Map<Scale, BenchDocument>;
  sample: BenchDocument;
  /** The sample's tag series: its save round trip is the baseline of the save rows. */
  sampleTags: TagSeries;
}

/** Starts a host of the app at `appRoot` (this checkout by default), names the analyst and loads the docs. */
async function startApp(
  browser: Browser,
  scales: readonly Scale[],
  reps: Repetitions,
  appRoot?: string,
): Promise<App> {
  const host = await startBenchHost({ appRoot });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // tsx (esbuild keepNames) wraps named inner functions in __name(); the probes run in the page without it.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.goto(host.url);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Bench');
  await page.getByRole('button', { name: 'Start tagging' }).click();
  await page.getByRole('textbox', { name: 'Document text' }).waitFor();
  const sample = await sampleDocument(host);
  const docs = await loadDocuments(host, scales);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: sample.title }).waitFor();
  const targets = tagTargets(sample.text, [], reps.tags + reps.warmup);
  const sampleTags = await tagAndUndo(browser, page, sample.text, targets, {
    warmup: reps.warmup,
    saves: true,
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { host, page, cdp, docs, sample, sampleTags };
}

async function stopApp(app: App | null): Promise<void> {
  await app?.page.close();
  await app?.host.stop();
}

/** Where a tag's main-thread time goes at the largest scale (a detailed trace of a few tags). */
async function detailNote(browser: Browser, page: Page, doc: BenchDocument, notes: Notes): Promise<void> {
  const targets = tagTargets(doc.text, doc.spans, DETAIL_TAGS);
  const detail = await traceDetail(
    browser,
    page,
    tagSteps(page, doc.text, targets, () => {}),
  );
  notes['renderer: trace of tag + undo at the largest scale, main thread per step (nested)'] = Object.entries(
    detail,
  )
    .map(([event, ms]) => `${DETAIL_EVENTS[event as keyof typeof DETAIL_EVENTS]} ${ms.toFixed(1)}`)
    .join(', ')
    .concat(' ms');
}

/** Rows comparing this checkout with the build of `--compare=<ref>`: ratio < 1 means this checkout is cheaper. */
function compareRows(scale: Scale, app: ScaleFigures, before: ScaleFigures, ref: string): Row[] {
  const at = (name: string): string => `${name}, ${scale.name}, vs ${ref}`;
  const was = `build ${ref}`;
  return [
    row('renderer', at('open (first frame)'), 'ms', app.open, before.open, was),
    row('renderer', at('tag busy'), 'ms', app.tags.tagBusy, before.tags.tagBusy, was),
    row('renderer', at('undo busy'), 'ms', app.tags.undoBusy, before.tags.undoBusy, was),
    row('renderer', at('scroll step busy median'), 'ms', app.scroll.busy, before.scroll.busy, was),
    row('renderer', at('scroll step busy worst'), 'ms', app.scroll.busy.max, before.scroll.busy.max, was),
    row('renderer', at('JS heap growth'), 'MB', app.heapGrowthMb, before.heapGrowthMb, was),
    row('renderer', at('DOM nodes in the text'), 'nodes', app.dom.editor, before.dom.editor, was),
  ];
}

export interface RendererOptions {
  quick: boolean;
  /** A git ref whose build is measured beside this checkout's in the same run. */
  compare?: string;
  /** A git ref whose build stands in for this checkout's (to measure one change against its parent). */
  app?: string;
}

export async function runRendererBench({
  quick,
  compare,
  app: appRef,
}: RendererOptions): Promise<SuiteResult> {
  const scales = scalesToRun(quick);
  const reps = quick ? QUICK : FULL;
  const other = compare === undefined ? null : await buildRef(compare);
  const mine = appRef === undefined ? null : await buildRef(appRef);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  const notes: Notes = {};
  if (mine !== null) notes['renderer: app measured'] = `build ${mine.sha} (--app), not this checkout`;
  let app: App | null = null;
  let before: App | null = null;
  try {
    app = await startApp(browser, scales, reps, mine?.root);
    if (other !== null) before = await startApp(browser, scales, reps, other.root);
    for (const scale of scales) {
      const docs = { doc: app.docs.get(scale)!, sample: app.sample };
      const figures = await measureTagwright(browser, app.page, app.cdp, docs, reps);
      const base = await measureBaseline(browser, docs.doc, reps);
      rows.push(...scaleRows(scale, figures, base, scale === targetScale(scales)));
      const save = row(
        'renderer',
        `tag save round trip (HTTP), ${scale.name}`,
        'ms',
        figures.tags.save!,
        app.sampleTags.save!,
        '5 KB sample',
      );
      rows.push(save);
      describe(scale, figures, base, notes);
      if (before !== null) {
        const then = await measureTagwright(
          browser,
          before.page,
          before.cdp,
          { doc: before.docs.get(scale)!, sample: before.sample },
          reps,
        );
        rows.push(...compareRows(scale, figures, then, other!.sha));
      }
      if (scale === targetScale(scales)) await detailNote(browser, app.page, docs.doc, notes);
    }
  } finally {
    await stopApp(app);
    await stopApp(before);
    await browser.close();
  }
  return { rows, notes };
}
