// The Electron app itself: security defaults and the core tagging flow. Runs where an Electron binary is
// installed; skips with the reason elsewhere (this project's CI machines cannot download the binary).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { readDiskDocuments } from './support/disk';
import { ROOT } from './support/host';
import { inlineScriptRuns } from './support/probes';
import { WorkbenchPage } from './support/workbench-page';

const binary = findElectronBinary();
const skipReason = binary.path === null ? `Electron is not available here: ${binary.reason}` : '';
test.skip(skipReason !== '', skipReason);

let app: ElectronApplication;
let workspace: string;
test.beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'tagwright-electron-'));
  app = await electron.launch({
    executablePath: binary.path ?? undefined,
    args: [ROOT, '--workspace', workspace],
  });
});
test.afterEach(async () => {
  await app.close();
  await rm(workspace, { recursive: true, force: true });
});

test('the page has no Node, only the contract bridge, and runs under the CSP', async () => {
  const page = await app.firstWindow();
  // webPreferences themselves are asserted in src/main/electron/web-preferences.test.ts; here their effect.
  expect(page.url()).toMatch(/^app:\/\/tagwright\//);
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as { tagwright?: object }).tagwright ?? {}).sort(),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.bridge).toContain('annotations:apply');
  expect(await inlineScriptRuns(page)).toBe(false);
});

test('navigation and new windows are denied', async () => {
  const page = await app.firstWindow();
  await page.evaluate(() => {
    globalThis.open('https://example.com');
    globalThis.location.href = 'https://example.com';
  });
  // Both requests are answered (denied) before the next script turn completes in the page.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toMatch(/^app:\/\/tagwright\//);
});

test('permission requests are denied', async () => {
  const page = await app.firstWindow();
  const notification = await page.evaluate(() => Notification.requestPermission());
  expect(notification).toBe('denied');
  const geolocation = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (error) => resolve(`refused (${error.code})`),
        ),
      ),
  );
  expect(geolocation).toMatch(/^refused/);
});

test('a second instance does not open a second window on the same workspace', async () => {
  await app.firstWindow();
  const second = await electron.launch({
    executablePath: binary.path ?? undefined,
    args: [ROOT, '--workspace', workspace],
  });
  const exited = await new Promise<boolean>((resolve) => {
    second.process().once('exit', () => resolve(true));
    setTimeout(() => resolve(false), 10_000);
  });
  expect(exited).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('an analyst tags the sample article with the keyboard and the tags reach the disk', async () => {
  const page = await app.firstWindow();
  const workbench = new WorkbenchPage(page);
  await workbench.completeFirstRun('Dana');
  await workbench.selectText('Alexander Lavrentiev');
  await page.keyboard.press('3');
  await workbench.expectSaved();
  expect(await workbench.spansInPanel()).toEqual(['Actor: Alexander Lavrentiev']);
  const [doc] = await readDiskDocuments(workspace);
  expect(Object.values(doc!.layers).flatMap((l) => l.spans.map((s) => s.quote))).toEqual([
    'Alexander Lavrentiev',
  ]);
});
