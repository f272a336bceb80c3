// The analyst's place survives every dialog (e2e): with a claim selected far down the sample article, each
// picker, the palette, the shortcuts sheet and the export dialog opens and closes, and afterwards the claim is
// still selected, the text is scrolled where it was and has the keyboard, so the next key acts on the claim.
// (With windowed decorations the caret once went back to the top of the text when a dialog closed.)
import { expect, test } from './support/fixtures';
import type { WorkbenchPage } from './support/workbench-page';

const CLAIM = 'Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan';
const CONDITION = 'Turkey withdraw its forces';

async function scrollOf(workbench: WorkbenchPage): Promise<number> {
  return workbench.page.getByTestId('document-view').evaluate((scroller) => scroller.scrollTop);
}

/** The claim is selected, the text has the keyboard and is scrolled to `scrollTop`. */
async function expectPlaceKept(workbench: WorkbenchPage, scrollTop: number): Promise<void> {
  await expect(workbench.inspector.getByRole('blockquote')).toHaveText(CLAIM);
  await expect(workbench.documentText).toBeFocused();
  await workbench.panelsSettled();
  expect(Math.abs((await scrollOf(workbench)) - scrollTop)).toBeLessThanOrEqual(1);
}

test.beforeEach(async ({ workbench }) => {
  await workbench.selectText('Damascus', 4);
  await workbench.pressLabel('3');
  await workbench.selectText(CONDITION);
  await workbench.pressLabel('2');
  await workbench.selectText(CLAIM);
  await workbench.pressLabel('1');
  await expect(workbench.inspector.getByRole('blockquote')).toHaveText(CLAIM);
});

const closedWithEscape = [
  { name: 'Link to…', open: 'Shift+L' },
  { name: 'Set an attribute', open: 'a' },
  { name: 'Command palette', open: 'Control+k' },
  { name: 'Keyboard shortcuts', open: '?' },
  { name: 'Export annotations', open: 'Control+e' },
];

for (const { name, open } of closedWithEscape) {
  test(`the selected claim and the scroll position survive the ${name} dialog opening and closing`, async ({
    page,
    workbench,
  }) => {
    const scrollTop = await scrollOf(workbench);
    expect(scrollTop).toBeGreaterThan(0);
    await page.keyboard.press(open);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expectPlaceKept(workbench, scrollTop);
  });
}

test('an analyst chains choices: attribute, palette, link picker, each acting on the same claim', async ({
  page,
  workbench,
}) => {
  const scrollTop = await scrollOf(workbench);
  /** Types `query` into the open dialog's field and presses Enter: the dialog closes, the place is kept. */
  const choose = async (name: string, query: string) => {
    const dialog = page.getByRole('dialog', { name });
    await dialog.getByRole('combobox').fill(query);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  };
  await page.keyboard.press('a');
  await choose('Set an attribute', 'demand');
  await expectPlaceKept(workbench, scrollTop);
  await expect(workbench.inspector.getByRole('combobox', { name: 'Speech act' })).toHaveValue('demand');

  // The palette runs "Link the selected span to…", whose picker links the claim to the actor.
  await page.keyboard.press('Control+k');
  await choose('Command palette', 'link the selected span to…');
  await choose('Link to…', 'Damascus');
  await expectPlaceKept(workbench, scrollTop);
  await expect(workbench.inspector.getByRole('region', { name: 'Links' })).toContainText('Damascus says →');

  // The next key still acts on the claim: 2 relabels it as a condition.
  await page.keyboard.press('2');
  await expect(workbench.spanRows().filter({ hasText: CLAIM })).toContainText('Condition');
});
