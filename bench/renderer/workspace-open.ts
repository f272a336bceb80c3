// Opening a large workspace (bench/, Debian Chromium against the built host): a 1,000-document workspace of
// 1,000,000 spans, from navigation until the document list is usable (its count shown, the first documents
// listed as buttons, a frame drawn), against the same app over a workspace holding only the 5 KB sample; with
// `--compare=<ref>` also that commit's build over the same corpus (and its host's start), `--app=<ref>` in
// place of this checkout's build.
import { chromium, type Browser } from '@playwright/test';
import {
  corpusWorkspace,
  FULL_CORPUS,
  QUICK_CORPUS,
  sampleWorkspace,
  type FixtureWorkspace,
} from '../lib/fixture-workspaces';
import { buildRef } from '../lib/build-ref';
import { atMost, row, type Notes, type Row, type SuiteResult } from '../lib/report';
import { CHROMIUM, CHROMIUM_ARGS, startBenchHost, type BenchHost } from './host';
import { summarize, type Samples } from '../lib/stats';

const OPENS = 5;

interface ListTiming {
  /** From navigation start until the list is usable. */
  readyMs: number;
  /** From the start of the workspace:get request (the part that depends on the workspace). */
  fromRequestMs: number;
  buttons: number;
  nodes: number;
}

/** Installed before the app loads: notes when the list shows `count` documents and has buttons, then a frame. */
function watchList(count: number): void {
  const state = window as unknown as { __twList?: ListTiming };
  const observer = new MutationObserver(() => {
    const nav = document.querySelector('nav[aria-label="Documents"]');
    const heading = nav?.querySelector('h2')?.textContent ?? '';
    const buttons = nav?.querySelectorAll('button').length ?? 0;
    if (!heading.includes(`(${count})`) || buttons === 0) return;
    observer.disconnect();
    requestAnimationFrame(() =>
      setTimeout(() => {
        const nodes = nav?.querySelectorAll('*').length ?? 0;
        const request = performance
          .getEntriesByType('resource')
          .find((e) => e.name.endsWith('/api/workspace:get'));
        const readyMs = performance.now();
        state.__twList = { readyMs, fromRequestMs: readyMs - (request?.startTime ?? 0), buttons, nodes };
      }),
    );
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
}

interface Opens {
  ready: Samples;
  fromRequest: Samples;
  last: ListTiming;
  /** Seconds from starting the host until it answered (it opens the workspace first). */
  hostStartSeconds: number;
}

/**
 * Who is working is this user's preference, kept beside each host's workspace: the bench says it before
 * timing, so the page opens on the workbench rather than on the question (the corpus's own analyst, if any).
 */
async function nameAnalyst(host: BenchHost): Promise<void> {
  const view = await host.call('workspace:get', {});
  if (view.localAnnotator !== null) return;
  const known = view.annotators[0];
  await host.call('annotator:set-local', known === undefined ? { name: 'Bench' } : { annotatorId: known.id });
}

async function timeOpens(
  browser: Browser,
  fixture: FixtureWorkspace,
  notes: Notes,
  build: { root: string; sha: string } | null,
): Promise<Opens> {
  const started = performance.now();
  const host = await startBenchHost({ workspace: fixture.dir, appRoot: build?.root });
  await nameAnalyst(host);
  const hostStartSeconds = (performance.now() - started) / 1000;
  const which = build === null ? '' : ` (build ${build.sha})`;
  notes[`workspace: host start on ${fixture.documents} documents${which}`] =
    `${hostStartSeconds.toFixed(1)} s`;
  notes[`workspace: ${fixture.documents}-document workspace built (import + tags)`] =
    `${fixture.buildSeconds.toFixed(0)} s`;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(watchList, fixture.documents);
    const timings: ListTiming[] = [];
    for (let run = 0; run < OPENS; run++) {
      await page.goto(host.url);
      const handle = await page.waitForFunction(
        () => (window as unknown as { __twList?: ListTiming }).__twList,
        null,
        {
          timeout: 60_000,
        },
      );
      timings.push((await handle.jsonValue())!);
    }
    const last = timings[timings.length - 1]!;
    notes[`workspace: document list of ${fixture.documents} documents${which}`] =
      `${last.buttons} buttons, ${last.nodes} elements`;
    return {
      ready: summarize(timings.map((t) => t.readyMs)),
      fromRequest: summarize(timings.map((t) => t.fromRequestMs)),
      last,
      hostStartSeconds,
    };
  } finally {
    await page.close();
    await host.stop();
  }
}

export interface WorkspaceBenchOptions {
  quick: boolean;
  /** A git ref whose build also opens the corpus, in the same run (rows `…, vs <sha>`). */
  compare?: string;
  /** A git ref whose build stands in for this checkout's. */
  app?: string;
}

export async function runWorkspaceBench({
  quick,
  compare,
  app,
}: WorkspaceBenchOptions): Promise<SuiteResult> {
  const corpus = await corpusWorkspace(quick ? QUICK_CORPUS : FULL_CORPUS);
  const lone = await sampleWorkspace();
  const mine = app === undefined ? null : await buildRef(app);
  const other = compare === undefined ? null : await buildRef(compare);
  const notes: Notes = {};
  if (mine !== null) notes['workspace: app measured'] = `build ${mine.sha} (--app), not this checkout`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const before = other === null ? null : await timeOpens(browser, corpus, notes, other);
    const big = await timeOpens(browser, corpus, notes, mine);
    const small = await timeOpens(browser, lone, notes, mine);
    const rows = listRows(corpus, big, small);
    if (before !== null) rows.push(...compareRows(corpus, big, before, other!.sha));
    return { rows, notes };
  } finally {
    await browser.close();
  }
}

/** This build against the build of `--compare` over the same corpus: ratio < 1 means this build is quicker. */
function compareRows(corpus: FixtureWorkspace, big: Opens, before: Opens, sha: string): Row[] {
  const name = `${corpus.documents.toLocaleString('en')}-document workspace`;
  const was = `build ${sha}`;
  return [
    row(
      'workspace',
      `open ${name}, list usable (from navigation), vs ${sha}`,
      'ms',
      big.ready,
      before.ready,
      was,
    ),
    row(
      'workspace',
      `open ${name}, list usable (from workspace:get), vs ${sha}`,
      'ms',
      big.fromRequest,
      before.fromRequest,
      was,
    ),
    row(
      'workspace',
      `host start on ${name} (until it answers), vs ${sha}`,
      'ms',
      big.hostStartSeconds * 1000,
      before.hostStartSeconds * 1000,
      was,
    ),
  ];
}

function listRows(corpus: FixtureWorkspace, big: Opens, small: Opens): Row[] {
  const name = `${corpus.documents.toLocaleString('en')}-document workspace (${corpus.spans.toLocaleString('en')} spans)`;
  const lone = '1-document workspace';
  return [
    row(
      'workspace',
      `open ${name}, list usable (from navigation)`,
      'ms',
      big.ready,
      small.ready,
      lone,
      atMost(300),
    ),
    row(
      'workspace',
      `open ${name}, list usable (from workspace:get)`,
      'ms',
      big.fromRequest,
      small.fromRequest,
      lone,
    ),
  ];
}
