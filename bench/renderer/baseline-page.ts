// Loads the bare ProseMirror baseline (baseline-editor.ts) into a Chromium page (bench/, Node side): bundled
// once per run with esbuild, served as a blank page with the same text column as Tagwright's (width, font,
// line height, paragraph spacing), so both draw the same lines and differ only in what they do per span.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { BenchSpan } from '../lib/corpus';

const ENTRY = fileURLToPath(new URL('./baseline-editor.ts', import.meta.url));

let bundle: Promise<string> | null = null;

function bundleBaseline(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/** The document column of Tagwright's layout at 1400 × 900 (styles.css: .document-scroll, .tw-document). */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font-family: system-ui, 'Noto Sans', 'Noto Sans Arabic', sans-serif; }
  #scroller { width: 788px; height: 700px; overflow: auto; padding: 8px 28px; box-sizing: border-box; }
  .ProseMirror { font-size: 1.05rem; line-height: 2.5; max-width: 52em; outline: none; white-space: pre-wrap; }
  .ProseMirror p { margin: 0 0 0.6em; min-height: 1em; }
  .bl-claim { background: rgba(230, 159, 0, 0.14); border-bottom: 2px solid #e69f00; }
  .bl-condition { background: rgba(86, 180, 233, 0.14); border-bottom: 2px dashed #56b4e9; }
  .bl-actor { background: rgba(0, 158, 115, 0.14); border-bottom: 4px double #009e73; }
</style></head><body><div id="scroller"></div></body></html>`;

/** Makes `page` the baseline page: the layout above and `window.twBaseline.{open, close}`. */
export async function loadBaseline(page: Page): Promise<void> {
  await page.setContent(PAGE);
  // tsx (esbuild keepNames) wraps named inner functions of the probes in __name(), which pages lack.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.addScriptTag({ content: await bundleBaseline() });
}

/** Opens `text` with `spans` in the baseline and resolves after the first frame with it drawn (ms). */
export function openBaseline(page: Page, text: string, spans: readonly BenchSpan[]): Promise<number> {
  return page.evaluate(
    ({ text, spans }) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        (window as unknown as { twBaseline: { open: (t: string, s: unknown) => void } }).twBaseline.open(
          text,
          spans,
        );
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
      }),
    { text, spans },
  );
}

export function closeBaseline(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { twBaseline: { close: () => void } }).twBaseline.close());
}
