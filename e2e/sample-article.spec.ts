// Tagging the sample article the product was conceived for: nested claims, conditions and actors, relabel,
// notes and keyboard navigation. Also renders the screenshots in docs/ (TAGWRIGHT_SCREENSHOTS=docs).
import { expect, test } from './support/fixtures';
import { snapshot } from './support/snapshot';

const TAGS: [string, string][] = [
  ['Russian Special Envoy for Syrian Settlement, Alexander Lavrentiev', '3'],
  [
    'the conditions are not yet ripe for a meeting between Syrian President Bashar al-Assad and Turkish President Recep Tayyip Erdogan',
    '1',
  ],
  ['Syrian President Bashar al-Assad', '3'],
  ['Turkish President Recep Tayyip Erdogan', '3'],
  ['Turkish Defense Minister Yaşar Güler', '3'],
  ['there will be no withdrawal of Turkish forces from Syria without clear conditions', '1'],
  ['without clear conditions', '2'],
  ['the Syrian National Army will be part of Syria’s future if it remains a single country', '1'],
  ['if it remains a single country', '2'],
];

test('an analyst tags nested claims, conditions and actors in the sample article', async ({
  page,
  workbench,
}) => {
  for (const [quote, key] of TAGS) {
    await workbench.selectText(quote, 0);
    await workbench.pressLabel(key);
  }
  await workbench.expectSaved();
  await workbench.expectSpanCount(TAGS.length);
  // Tagging the same text with the same label again selects the existing span instead of doubling it.
  await workbench.selectText('kish Defense Minister Yaşar Gül');
  await workbench.pressLabel('3');
  await workbench.expectSpanCount(TAGS.length);
  await expect(page.getByRole('region', { name: 'Selected span' }).getByRole('blockquote')).toHaveText(
    'Turkish Defense Minister Yaşar Güler',
  );
  await expect(
    workbench.documentList.getByRole('button', { name: /Claim 3.*Condition 2.*Actor 4/ }),
  ).toBeVisible();

  // n moves through the spans in text order; the inspector follows.
  await workbench.documentText.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  const inspector = page.getByRole('region', { name: 'Selected span' });
  await expect(inspector.getByRole('blockquote')).toHaveText(TAGS[0]![0]);
  await page.keyboard.press('n');
  await expect(inspector.getByRole('blockquote')).toHaveText(TAGS[1]![0]);

  // Relabel the focused claim through the inspector, add a note, then take the relabel back with undo.
  await inspector.getByRole('combobox', { name: 'Label' }).selectOption('condition');
  await expect(workbench.spanRows().filter({ hasText: 'the conditions are not yet ripe' })).toContainText(
    'Condition',
  );
  await inspector.getByRole('textbox', { name: 'Note' }).fill('Reported speech; check the Russian original.');
  await workbench.documentText.click({ position: { x: 5, y: 5 } });
  await workbench.expectSaved();
  await expect(workbench.spanRows().filter({ hasText: 'the conditions are not yet ripe' })).toContainText(
    '✎',
  );
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(workbench.spanRows().filter({ hasText: 'the conditions are not yet ripe' })).toContainText(
    'Claim',
  );
  await workbench.expectSaved();

  // The "Show" toggles hide actors from the list, the highlights and n/p alike.
  await page.getByRole('checkbox', { name: /^Actor/ }).uncheck();
  await workbench.expectSpanCount(5, 9);
  await expect(workbench.decorated('actor')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^Actor/ }).check();
  await expect(workbench.decorated('actor')).not.toHaveCount(0);

  // Clicking nested text selects the innermost span; a second click selects the span around it.
  await workbench.decorated('condition').filter({ hasText: 'if it remains a single country' }).click();
  await expect(inspector.getByRole('blockquote')).toHaveText('if it remains a single country');
  await workbench.decorated('condition').filter({ hasText: 'if it remains a single country' }).click();
  await expect(inspector.getByRole('blockquote')).toHaveText(TAGS[7]![0]);
  // Choosing a span in the list scrolls the text to it.
  await workbench.documentText.evaluate((el) => el.parentElement!.scrollTo(0, 0));
  await expect(workbench.decorated('claim').filter({ hasText: 'Syrian National Army' })).not.toBeInViewport();
  await workbench.spanRows().filter({ hasText: 'Syrian National Army' }).click();
  await expect(
    workbench.decorated('claim').filter({ hasText: 'Syrian National Army' }).first(),
  ).toBeInViewport();
  await snapshot(page, 'tagged-article.png');
});

test('the document list shows each analyst status and span counts', async ({ page, workbench }) => {
  await workbench.importFiles([
    {
      name: 'erdogan-riyadh.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(
        '# Erdogan leaves Riyadh summit\n\nErdogan said his departure was not a protest.\n',
      ),
    },
    {
      name: 'ntv-interview.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        '<html><head><title>NTV interview</title><style>p{}</style></head><body><h1>NTV</h1><p>Erdogan told reporters he hopes for a meeting.</p><script>alert(1)</script></body></html>',
      ),
    },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 documents' })).toBeVisible();
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await page.getByRole('combobox', { name: 'My status' }).selectOption('done');
  await workbench.expectSaved();
  const list = workbench.documentList;
  await expect(list.getByRole('button', { name: /astana.*done.*Actor 1/ })).toBeVisible();
  await workbench.openDocument('NTV interview');
  await expect(workbench.documentText).toHaveText(/NTVErdogan told reporters he hopes for a meeting\./);
  await expect(workbench.documentText).not.toContainText('alert');
  await expect(list.getByRole('button', { name: /Erdogan leaves Riyadh summit.*new/ })).toBeVisible();
  await snapshot(page, 'document-list.png');
});
