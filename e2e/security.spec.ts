// Browser mode under attack: markup inside a document is shown as text and never runs, the page refuses
// inline scripts (CSP), and the API refuses calls without the launch token.
import { expect, test } from './support/fixtures';
import { inlineScriptRuns } from './support/probes';

const PAYLOAD = 'Quote: <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> end.';

test('markup in a document is shown as text and never executed', async ({ page, workbench }) => {
  await workbench.importFiles([
    { name: 'payload.txt', mimeType: 'text/plain', buffer: Buffer.from(PAYLOAD) },
  ]);
  await workbench.openDocument('payload');
  await expect(workbench.documentText).toHaveText(PAYLOAD);
  await workbench.selectText('<script>window.__pwned=2</script>', 0);
  await page.keyboard.press('Alt+1');
  await expect(workbench.spanRows()).toHaveCount(1);
  await expect(workbench.spanRows().first()).toContainText('<script>window.__pwned=2</script>');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
});

test('the page runs under a CSP that blocks inline scripts', async ({ page, host }) => {
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(await inlineScriptRuns(page)).toBe(false);
});

test('opening the app and a document reports no CSP violation (zod never probes eval, whatever the chunking)', async ({
  page,
  workbench,
}) => {
  // Listen before any script runs: zod probes eval when its first schema is built, during the chunks' load.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __cspViolations?: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.sourceFile}`),
    );
  });
  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
});

test('an API call without the launch token is refused', async ({ page, host }) => {
  await page.goto(host.url);
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/workspace:get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return response.status;
  });
  expect(status).toBe(401);
});
