// Several readings and several windows: a colleague's layer shown read-only above the analyst's own on the
// same text, and two tabs on one workspace that see each other's tags without a reload.
import { expect, test } from './support/fixtures';
import { addLayerOnDisk } from './support/disk';
import { WorkbenchPage } from './support/workbench-page';

const SAMPLE = 'astana 22 turkey syria';

test('a colleague’s layer shows read-only above the text while the analyst tags their own below', async ({
  page,
  host,
  workbench,
}) => {
  await host.restart(() =>
    addLayerOnDisk(host.workspace, SAMPLE, { id: 'lee', name: 'Lee' }, [
      ['Alexander Lavrentiev', 'actor'],
      ['the conditions are not yet ripe for a meeting', 'claim'],
    ]),
  );
  await workbench.open(host.url);
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await page.getByRole('checkbox', { name: /Lee/ }).check();
  const mine = workbench.documentText.locator('.tw-layer-mine');
  const lee = workbench.documentText.locator('.tw-layer-other');
  await expect(mine).toHaveText('Alexander Lavrentiev');
  await expect(lee.filter({ hasText: 'Alexander Lavrentiev' })).toHaveCount(1);
  await expect(lee.filter({ hasText: 'the conditions are not yet ripe' })).toHaveCount(1);
  // Lines of the two layers sit on different sides of the text (not colour alone).
  await expect(mine.first()).toHaveClass(/tw-side-below/);
  await expect(lee.first()).toHaveClass(/tw-side-above/);
  // Clicking Lee's claim selects it read-only: no delete, no editable label.
  await lee.filter({ hasText: 'the conditions are not yet ripe' }).click();
  await expect(workbench.inspector).toContainText("Lee's layer (read-only)");
  await expect(workbench.inspector.getByRole('button', { name: 'Delete span' })).toHaveCount(0);
  await expect(workbench.inspector.getByRole('combobox', { name: 'Label' })).toBeDisabled();
  await page.keyboard.press('Delete');
  await expect(lee.filter({ hasText: 'the conditions are not yet ripe' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/two-layers.png' });
});

test('two tabs on one workspace show each other’s tags within a second, without a reload', async ({
  page,
  context,
  host,
  workbench,
}) => {
  const other = new WorkbenchPage(await context.newPage());
  await other.open(host.url);
  await expect(other.documentText).toBeVisible();
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await expect(other.decorated('actor')).toHaveText('Alexander Lavrentiev', { timeout: 1000 });
  await other.expectSpanCount(1);
  await other.selectText('Turkish Defense Minister Yaşar Güler');
  await other.pressLabel('3');
  await expect(workbench.decorated('actor').filter({ hasText: 'Yaşar Güler' })).toHaveCount(1, {
    timeout: 1000,
  });
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('Actor 2');
  // Undo in the first tab reaches the second one too.
  await workbench.documentText.focus();
  await page.keyboard.press('Control+z');
  await expect(other.decorated('actor').filter({ hasText: 'Alexander Lavrentiev' })).toHaveCount(0, {
    timeout: 1000,
  });
});

test('a workspace opened by another user asks their name and never writes into the first analyst’s layer', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  await host.restartAsAnotherUser();
  await workbench.open(host.url);
  const dialog = page.getByRole('dialog', { name: 'Welcome to Tagwright' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Continue as Dana' })).toBeVisible();
  // Typing the first analyst's name is refused: it would write into their layer.
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('dana');
  await dialog.getByRole('button', { name: 'Start tagging' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already has a layer');
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Lee');
  await dialog.getByRole('button', { name: 'Start tagging' }).click();
  await expect(page.getByRole('button', { name: /Analyst: Lee/ })).toBeVisible();
  await workbench.expectSpanCount(0);
  await workbench.selectText('Turkish Defense Minister Yaşar Güler');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  // Dana's tag stays Dana's, shown read-only when asked for.
  await page.getByRole('checkbox', { name: /Dana/ }).check();
  await expect(workbench.documentText.locator('.tw-layer-other')).toHaveText('Alexander Lavrentiev');
  // Switching analyst is a choice too: back to the first user's identity needs "Continue as".
  await page.getByRole('button', { name: /Analyst: Lee/ }).click();
  const switcher = page.getByRole('dialog', { name: 'Switch analyst' });
  await switcher.getByRole('button', { name: 'Continue as Dana' }).click();
  await expect(page.getByRole('button', { name: /Analyst: Dana/ })).toBeVisible();
  await workbench.expectSpanCount(1);
});
