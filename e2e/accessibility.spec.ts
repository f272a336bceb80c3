// Accessibility in every theme: axe finds no serious or critical violation on the document list, the editor
// and the export dialog, in the light, dark and high-contrast themes (the review screen is checked in
// review.spec.ts, which has a colleague's layer to compare). Also renders docs/theme-dark.png and docs/theme-high-contrast.png.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { snapshot } from './support/snapshot';
import type { WorkbenchPage } from './support/workbench-page';

const THEMES = ['light', 'dark', 'high-contrast'] as const;

/** A few tags, a note and a selected span, so every kind of highlight is on screen while axe looks. */
async function tagSome(workbench: WorkbenchPage): Promise<void> {
  for (const [quote, key] of [
    ['Russian Special Envoy for Syrian Settlement, Alexander Lavrentiev', '3'],
    ['the conditions are not yet ripe for a meeting', '1'],
    ['if it remains a single country', '2'],
  ] as const) {
    await workbench.selectText(quote);
    await workbench.pressLabel(key);
  }
  await workbench.expectSaved();
}

async function useTheme(page: Page, workbench: WorkbenchPage, theme: (typeof THEMES)[number]): Promise<void> {
  await workbench.callApi('preferences:set', { theme });
  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  // The host writes the theme into the page it serves: the first paint already has it.
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('the document list, the editor and the export dialog pass axe in every theme', async ({
  page,
  workbench,
}) => {
  await tagSome(workbench);
  for (const theme of THEMES) {
    await useTheme(page, workbench, theme);
    await workbench.documentText.focus();
    await page.keyboard.press('n');
    await expectAccessible(page, `the document list (${theme})`, '.document-column');
    await expectAccessible(page, `the editor (${theme})`, '.columns');
    if (theme !== 'light') await snapshot(page, `theme-${theme}.png`);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export annotations' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, `the export dialog (${theme})`, 'dialog');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  }
});

test('text size follows Ctrl+Plus and Ctrl+Minus and is remembered', async ({ page, workbench }) => {
  const size = () => workbench.documentText.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await workbench.documentText.focus();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(size).toBeGreaterThan(before * 1.15);
  await expect
    .poll(() => workbench.callApi<{ textScale: number }>('preferences:get', {}))
    .toMatchObject({ textScale: 1.2 });
  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  await expect.poll(size).toBeGreaterThan(before * 1.15);
  await page.keyboard.press('Control+0');
  await expect.poll(size).toBeCloseTo(before, 0);
});

test('every control of the header is reachable with Tab and shows where the focus is', async ({
  page,
  workbench,
}) => {
  await expect(workbench.documentText).toBeVisible();
  await page.getByRole('button', { name: /Analyst:/ }).focus();
  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline, `the focus on ${await focused.innerText()} is visible`).not.toBe('none');
    seen.push(await focused.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));
  }
  expect(seen.join(' | ')).toMatch(/Import files.*Export.*Find.*Commands.*Settings/);
});
