// Checks run inside the app's page (e2e), shared by the browser-mode and Electron specs.
import type { Page } from '@playwright/test';

/** Injects an inline <script>; true if it ran (a CSP without 'unsafe-inline' must stop it). */
export function inlineScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'globalThis.__inline = true';
    document.head.appendChild(script);
    return (globalThis as { __inline?: boolean }).__inline === true;
  });
}
