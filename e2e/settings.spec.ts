// Settings as an analyst uses them: the theme applies at once and survives a reload, a shortcut is rebound
// (a chord another command uses is refused, naming it), word snapping off makes label keys tag the exact
// selection, and a new workspace is created in another folder (the window reloads into it).
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

test('theme, shortcuts and word snapping are set in Settings and remembered', async ({ page, workbench }) => {
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await settings.getByRole('button', { name: 'Change the keys of Find in this document' }).click();
  await page.keyboard.press('Control+e');
  await expect(settings.getByRole('alert')).toContainText('Ctrl+E is already used by “Export…”');
  await page.keyboard.press('Alt+Shift+F');
  await expect(settings.getByRole('row', { name: /Find in this document/ })).toContainText('Shift+Alt+F');
  await settings.getByRole('checkbox', { name: /Widen selections to whole words/ }).uncheck();
  await settings.getByRole('button', { name: 'Done', exact: true }).click();

  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await workbench.documentText.focus();
  await page.keyboard.press('Alt+Shift+F');
  await expect(page.getByRole('search', { name: 'Search' })).toBeVisible();
  // Without snapping, "kish Defense" stays exactly as selected.
  await workbench.selectText('kish Defense');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  expect(await workbench.spansInPanel()).toEqual(['Actor: kish Defense']);
});

test('a new workspace is created in another folder and the window opens it', async ({
  page,
  workbench,
  host,
}) => {
  const other = join(host.workspace, 'second-corpus');
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Another folder (full path)' }).fill(other);
  await settings.getByRole('button', { name: 'Create a new workspace there' }).click();
  // A workspace this user has not worked in asks who they are, then shows its own sample document.
  await workbench.completeFirstRun('Dana');
  await expect(page.getByText(other)).toBeVisible();
  await page.getByRole('button', { name: 'Settings…' }).click();
  await expect(settings.getByRole('button', { name: `Open ${host.workspace}` })).toBeVisible();
});
