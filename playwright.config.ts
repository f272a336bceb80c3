// End-to-end tests: the built app in browser mode, driven in Debian's Chromium (never a downloaded browser).
// Each test starts its own host on a free port with a fresh temporary workspace (see e2e/support/host.ts).
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/support/chromium';
import { findElectronBinary } from './scripts/electron-binary.mjs';

// Say once, in the runner's own output, why the Electron spec will skip (workers load this file too).
const electron = findElectronBinary();
if (electron.path === null && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`e2e/electron.spec.ts will be skipped: ${electron.reason}.`);
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
