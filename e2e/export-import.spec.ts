// The tagged corpus leaves the app and a colleague's tags come in: the sample article's tags exported from the
// dialog as a native package and as doccano JSONL (downloads whose offsets slice out each quote), then the
// doccano file imported back into a new analyst's layer through the preview.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { snapshot } from './support/snapshot';

const TAGS: [string, string][] = [
  ['Alexander Lavrentiev', '3'],
  ['the conditions are not yet ripe for a meeting', '1'],
  ['Turkish Defense Minister Yaşar Güler', '3'],
];

test('the sample article’s tags are exported in two formats and one is imported back into a new layer', async ({
  page,
  workbench,
}) => {
  for (const [quote, key] of TAGS) {
    await workbench.selectText(quote);
    await workbench.pressLabel(key);
  }
  await workbench.expectSaved();

  // Keyboard: Ctrl+E opens the dialog; the native package is the default format.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog).toBeVisible();
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const native = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
    format: string;
    documents: { layers: Record<string, { spans: { quote: string }[] }> }[];
  };
  expect(native.format).toBe('tagwright-package');
  expect(native.documents[0]!.layers['dana']!.spans.map((s) => s.quote).sort()).toEqual(
    TAGS.map(([q]) => q).sort(),
  );
  await expect(dialog.getByRole('status')).toContainText('Exported 1 documents, 3 spans');

  // doccano JSONL: code-point offsets, the way a Python pipeline slices them.
  await dialog.getByRole('radio', { name: /doccano/ }).check();
  await expect(dialog.getByLabel('What this format cannot hold')).toContainText('doccano has no layers');
  await snapshot(page, 'export-dialog.png');
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const doccanoPath = (await (await download).path())!;
  const line = JSON.parse((await readFile(doccanoPath, 'utf8')).split('\n')[0]!) as {
    text: string;
    entities: { start_offset: number; end_offset: number }[];
  };
  const quotes = line.entities.map((e) => [...line.text].slice(e.start_offset, e.end_offset).join(''));
  expect(quotes.sort()).toEqual(TAGS.map(([q]) => q).sort());
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The doccano file comes back as Lee's layer: preview first, nothing written until Import.
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import annotations' });
  await importer.getByLabel('Format').selectOption('doccano');
  await importer.getByLabel('Into the layer of (analyst name)').fill('Lee');
  await importer.getByLabel('Files (or a .zip)').setInputFiles({
    name: 'lee.jsonl',
    mimeType: 'application/jsonl',
    buffer: await readFile(doccanoPath),
  });
  await importer.getByRole('button', { name: 'Preview' }).click();
  const preview = importer.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('Would import into lee: 3 added, 0 removed');
  await expect(preview.getByRole('row', { name: /astana 22 turkey syria.*same text/ })).toBeVisible();
  await snapshot(page, 'import-preview.png');
  await importer.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importer.getByRole('region', { name: 'Import report' })).toContainText(
    'Imported into lee: 3 added',
  );
  await importer.getByRole('button', { name: 'Close', exact: true }).click();

  // Lee's layer is there, read-only, over the same text.
  await page.getByRole('checkbox', { name: /Lee/ }).check();
  await expect(workbench.documentText.locator('.tw-layer-other')).toHaveCount(3);
  await expect(workbench.documentList).toContainText('Actor 2');
});
