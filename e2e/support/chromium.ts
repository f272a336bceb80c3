// Debian's Chromium, never a downloaded browser, and the flags it runs with (e2e): one list for the end-to-end
// tests (playwright.config.ts), the renderer benchmark and the reliability campaigns. TAGWRIGHT_CHROMIUM
// overrides the path.
export const CHROMIUM = process.env['TAGWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
