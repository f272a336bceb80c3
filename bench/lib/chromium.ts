// Debian's Chromium for the benchmarks and the reliability campaigns (bench/, Node only): never a downloaded
// browser. TAGWRIGHT_CHROMIUM overrides the path; the flags are the end-to-end tests' (playwright.config.ts).
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
