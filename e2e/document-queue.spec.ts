// The analyst's working day around the text: the command palette runs "Export…", Ctrl+Enter marks a document
// done and opens the next unfinished one, documents are renamed, given metadata, filtered by it, deleted
// (Undo restores) and restored from the trash.
import { expect, test } from './support/fixtures';

test('the palette opens with Ctrl+K and runs “Export…”', async ({ page, workbench }) => {
  await workbench.documentText.focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('option', { name: /Find in this document.*Ctrl\+F/ })).toBeVisible();
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('expo');
  await expect(palette.getByRole('option').first()).toContainText('Export…');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Export annotations' })).toBeVisible();

  // "?" shows every shortcut, from the same registry.
  await page.keyboard.press('Escape');
  await workbench.documentText.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByText('Mark done and open the next unfinished document')).toBeVisible();
});

test('mark done opens the next unfinished document, in the list’s order', async ({ page, workbench }) => {
  await workbench.importText('second.txt', 'The second report.');
  await workbench.importText('third.txt', 'The third report.');
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('unfinished');
  await workbench.openDocument('astana 22 turkey syria');
  await workbench.documentText.focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'second' })).toBeVisible();
  // The done document leaves the "unfinished" list; the toolbar button does the same as the key.
  await expect(workbench.documentList.getByRole('button', { name: /astana/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Done, next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'third' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('done');
  await expect(workbench.documentList.getByRole('button')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('all');
  await page.getByText('Progress by analyst').click();
  await expect(page.getByText('Dana: 2 of 3 done')).toBeVisible();
});

test('a document is renamed, described, deleted, and restored (by Undo and from the trash)', async ({
  page,
  workbench,
}) => {
  await workbench.importText('wire.txt', 'A wire report about the talks.');
  await workbench.openDocument('wire');
  await workbench.documentText.focus();
  await page.keyboard.press('F2');
  const details = page.getByRole('dialog', { name: 'Document details' });
  await details.getByRole('textbox', { name: 'Title' }).fill('Wire: Astana talks');
  await details.getByRole('button', { name: 'Rename' }).click();
  await expect(details.getByRole('status')).toHaveText('Renamed.');
  await details.getByRole('button', { name: 'Add field' }).click();
  await details
    .getByRole('textbox', { name: /^Name of field/ })
    .last()
    .fill('outlet');
  await details.getByRole('textbox', { name: 'Value of outlet' }).fill('Reuters');
  await details.getByRole('button', { name: 'Save metadata' }).click();
  await expect(details.getByRole('status')).toHaveText('Metadata saved.');
  await details.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wire: Astana talks' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Filter by title or metadata' }).fill('reuters');
  await expect(workbench.documentList.getByRole('button')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Filter by title or metadata' }).fill('');

  await page.getByRole('button', { name: 'Details…' }).click();
  await details.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText('Moved “Wire: Astana talks” to the trash.')).toBeVisible();
  await expect(workbench.documentList.getByRole('button', { name: /Wire/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo: restore “Wire: Astana talks”' }).click();
  await expect(workbench.documentList.getByRole('button', { name: /Wire: Astana talks/ })).toBeVisible();

  await workbench.openDocument('Wire: Astana talks');
  await page.getByRole('button', { name: 'Details…' }).click();
  await details.getByRole('button', { name: 'Move to trash' }).click();
  await expect(workbench.documentList.getByRole('button', { name: /Wire/ })).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('trash');
  await page.keyboard.press('Enter');
  const trash = page.getByRole('dialog', { name: 'Deleted documents' });
  await trash.getByRole('button', { name: 'Restore Wire: Astana talks' }).click();
  await expect(trash.getByRole('status')).toHaveText('Restored “Wire: Astana talks”.');
  await expect(workbench.documentList.getByRole('button', { name: /Wire: Astana talks/ })).toBeVisible();
});
