// Campaign 7, hostile content (bench/reliability, Node only): injection payloads planted in every field the
// app shows are rendered by the built renderer in Debian's Chromium, through the built host. A canary setter
// records any payload that runs, every request off 127.0.0.1 is counted and refused, and so are navigations,
// frames, popups, CSP violations, page errors and parts of the screen that failed to render.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../e2e/support/chromium';
import { startServe } from '../lib/built-host';
import { defineCampaign, freshDir, messageOf } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { plantPayloads } from './plant';
import { OFF_HOST, payloads, type Payload } from './payloads';
import { walkScreens } from './screens';

/** Runs in every frame before the app: the canary records each payload number assigned to it. */
function installCanary(): void {
  const ids: unknown[] = [];
  const csp: string[] = [];
  Object.defineProperty(window, '__pwnedIds', { value: ids });
  Object.defineProperty(window, '__csp', { value: csp });
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => ids.at(-1),
    set: (value: unknown) => void ids.push(value),
  });
  document.addEventListener('securitypolicyviolation', (e) =>
    csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
  );
}

/** Lets requests to 127.0.0.1 through and refuses, reporting, every other one. */
async function refuseOffHost(context: BrowserContext, report: (url: URL) => void): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    report(url);
    return route.abort();
  });
}

/** Counts what the page does to the outside world while the walk runs. */
async function watch(context: BrowserContext, page: Page, origin: string, tally: Tally): Promise<void> {
  await refuseOffHost(context, (url) => tally.fail('offHost', `a request to ${url.href}`));
  page.on('request', (request) => {
    if (!request.isNavigationRequest()) return;
    // The walk's own navigations open and reload the app's page; any other one is the content's doing.
    const url = new URL(request.url());
    const own = request.frame() === page.mainFrame() && url.origin === origin && url.pathname === '/';
    if (!own) tally.fail('navigations', `a navigation to ${request.url()}`);
  });
  page.on('frameattached', (frame) => tally.fail('navigations', `a frame was attached: ${frame.url()}`));
  context.on(
    'page',
    (other) => other !== page && tally.fail('popups', `a new window opened: ${other.url()}`),
  );
  page.on('pageerror', (error) => tally.fail('unhandled', `page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /could not show/.test(message.text()))
      tally.fail('unhandled', message.text());
  });
}

/**
 * Proves the watchers see what they count: a script the harness runs in the app's page sets the canary to -1,
 * and a page without the app's CSP (in a context of its own) fetches OFF_HOST; both must be seen.
 */
async function controls(page: Page, tally: Tally): Promise<void> {
  await page.evaluate(() => void ((window as unknown as { __pwned: number }).__pwned = -1));
  const ids = await page.evaluate(() => (window as unknown as { __pwnedIds?: unknown[] }).__pwnedIds ?? []);
  tally.controls.push({
    name: 'canary',
    caught: ids.includes(-1),
    detail: 'a script run by the harness set window.__pwned',
  });
  const context = await page.context().browser()?.newContext();
  let seen = 0;
  if (context !== undefined) {
    await refuseOffHost(context, () => seen++);
    const blank = await context.newPage();
    await blank.evaluate((off) => fetch(`${off}/control`).catch(() => undefined), OFF_HOST);
    await context.close();
  }
  tally.controls.push({
    name: 'off-host-request',
    caught: seen > 0,
    detail: `a fetch to ${OFF_HOST} from a page without CSP was seen`,
  });
}

/** What the walk left behind: payloads on screen (the walk saw them), canary hits in any frame, CSP reports. */
async function verdict(page: Page, list: readonly Payload[], tally: Tally): Promise<void> {
  const texts = list.map((p) => p.text.slice(0, 24));
  const onScreen = await page.evaluate(
    (all) => all.filter((t) => document.body.innerText.includes(t)).length,
    texts,
  );
  tally.counts['payloadsOnScreen'] = onScreen;
  const detail = `${onScreen} payloads visible as text at the end of the walk`;
  tally.controls.push({ name: 'payloads-on-screen', caught: onScreen > 0, detail });
  for (const frame of page.frames()) {
    const read = () => (window as unknown as { __pwnedIds?: unknown[] }).__pwnedIds ?? [];
    for (const id of await frame.evaluate(read).catch(() => [])) {
      tally.fail('executed', `payload ${String(id)} ran: ${list.find((p) => p.n === id)?.text ?? ''}`);
    }
  }
  const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  for (const report of csp) tally.fail('cspViolations', report);
}

export const hostileContent = defineCampaign(
  'hostile-content',
  'Render 100+ injection payloads in every field the UI shows; nothing may run, call out or navigate.',
  ['offHost', 'navigations', 'popups', 'cspViolations'],
  async (options, tally) => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM} (set TAGWRIGHT_CHROMIUM)`);
    const list = payloads(options.quick ? 12 : 120);
    const dir = await freshDir(options, 'hostile');
    const planted = await plantPayloads(dir, list, options.quick ? 4 : 30);
    const served = await startServe(dir);
    if (served.kind === 'refused') throw new Error(served.output);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      // tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the page need it.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      await context.addInitScript(installCanary);
      const page = await context.newPage();
      const origin = `http://127.0.0.1:${served.host.port}`;
      await watch(context, page, origin, tally);
      const url = `${origin}/?token=${served.host.token}`;
      const documentLimit = options.quick ? 3 : 1000;
      const visited = (n: number) => tally.count('documentsShown', n);
      await walkScreens(page, { url, list, planted, documentLimit, visited }).catch((error: unknown) =>
        tally.fail('unhandled', `the walk through the screens stopped: ${messageOf(error).split('\n')[0]}`),
      );
      await verdict(page, list, tally);
      await controls(page, tally);
      tally.counts['payloads'] = list.length;
    } finally {
      await browser.close();
      await served.host.stop();
    }
  },
);
