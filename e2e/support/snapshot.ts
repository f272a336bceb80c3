// Screenshots taken by the specs (e2e): always into test-results/, and into docs/ when the run is asked to
// refresh the documentation's pictures (TAGWRIGHT_SCREENSHOTS=docs).
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './host';

export async function snapshot(page: Page, name: string): Promise<void> {
  const path = join(ROOT, 'test-results', name);
  await page.screenshot({ path });
  if (process.env.TAGWRIGHT_SCREENSHOTS === 'docs') await copyFile(path, join(ROOT, 'docs', name));
}
