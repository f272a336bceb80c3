// Renders the app icon (build/icon.svg, the favicon's three tag lines drawn large) to build/icon.png, the
// 1024×1024 PNG electron-builder turns into each platform's icon (.icns, .ico, the Linux sizes). Uses Debian's
// Chromium through Playwright, which the tests already need, so no image tool has to be installed.
// Run: node scripts/make-icon.mjs
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const root = new URL('../build/', import.meta.url);
const svg = await readFile(new URL('icon.svg', root), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.TAGWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`);
  await page.locator('svg').screenshot({ path: new URL('icon.png', root).pathname, omitBackground: true });
} finally {
  await browser.close();
}
