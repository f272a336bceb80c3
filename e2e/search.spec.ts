// Search as an analyst uses it: Ctrl+F over the sample article for "Erdogan", hits as keyword-in-context
// lines with a count, Enter jumps to a hit (which a label key then tags), F3 to the next one; search over the
// corpus with counts per document; a pattern that backtracks for ever is stopped with the reason. Also renders
// docs/search.png.
import { expect, test } from './support/fixtures';
import { snapshot } from './support/snapshot';

test('Ctrl+F finds "Erdogan" in the sample article, and Enter and F3 jump to hits that a label key tags', async ({
  page,
  workbench,
}) => {
  await workbench.documentText.focus();
  await page.keyboard.press('Control+f');
  const search = page.getByRole('search', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search for' }).fill('Erdogan');
  await page.keyboard.press('Enter');
  const summary = search.getByRole('status').filter({ hasText: /hits?$/ });
  await expect(summary).toHaveText(/^\d+ hits$/);
  const count = Number((await summary.innerText()).split(' ')[0]);
  expect(count).toBeGreaterThan(2);
  const hits = search.getByRole('listbox', { name: 'Search hits' });
  await expect(hits.getByRole('option').first()).toContainText('Turkish President Recep Tayyip Erdogan');

  // Enter in the list jumps to the hit and puts the keyboard in the text: "3" tags it as an actor.
  await hits.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(workbench.documentText).toBeFocused();
  await workbench.pressLabel('3');
  await page.keyboard.press('F3');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  expect(await workbench.spansInPanel()).toEqual(['Actor: Erdogan', 'Actor: Erdogan']);
  await snapshot(page, 'search.png');
});

test('a corpus search counts hits per document, and a runaway pattern is stopped with the reason', async ({
  page,
  workbench,
}) => {
  await workbench.importText('riyadh.txt', 'Erdogan left the Riyadh summit early. Erdogan said little.');
  await workbench.importText('weather.txt', 'Rain in Ankara.');
  await page.keyboard.press('Shift+Control+F');
  const search = page.getByRole('search', { name: 'Search' });
  await expect(search.getByRole('radio', { name: 'All documents' })).toBeChecked();
  await search.getByRole('radio', { name: 'Whole word' }).check();
  await search.getByRole('searchbox', { name: 'Search for' }).fill('erdogan');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(search.getByRole('status').filter({ hasText: /hits/ })).toHaveText(
    /^\d+ hits in 2 of 3 documents$/,
  );
  // The hit list is virtualized: the other document's hits come last, drawn once End reaches them.
  await search.getByRole('listbox', { name: 'Search hits' }).press('End');
  await expect(search.getByRole('option').filter({ hasText: 'riyadh' })).toHaveCount(2);

  // A hit in another document opens it at the hit.
  await search.getByRole('option').filter({ hasText: 'riyadh' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'riyadh' })).toBeVisible();

  await workbench.importText('long.txt', `${'a'.repeat(64)}!`);
  await search.getByRole('radio', { name: 'Regular expression' }).check();
  await search.getByRole('searchbox', { name: 'Search for' }).fill('^(a+)+$');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(search.getByRole('alert')).toContainText('the pattern took longer than 5 s');
});
