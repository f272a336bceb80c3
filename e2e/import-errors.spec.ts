// Bad input loses nothing: a malformed JSONL file is refused with its line number and imports nothing.
import { expect, test } from './support/fixtures';
import { readDiskDocuments } from './support/disk';

test('a JSONL corpus with one malformed line is refused with that line number and imports nothing', async ({
  page,
  host,
  workbench,
}) => {
  const jsonl = [
    JSON.stringify({ id: 'a1', title: 'First article', text: 'Erdogan said the talks will continue.' }),
    JSON.stringify({ id: 'a2', title: 'Second article', text: 'Assad said nothing.' }),
    '{"id": "a3", "title": "Broken", "text": "unterminated',
    JSON.stringify({ id: 'a4', title: 'Fourth article', text: 'Putin was asked to help.' }),
  ].join('\n');
  await workbench.importFiles([
    { name: 'corpus.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(jsonl) },
  ]);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('corpus.jsonl was not imported');
  await expect(alert).toContainText('line 3');
  await expect(workbench.documentList.getByRole('button')).toHaveCount(1);
  expect((await readDiskDocuments(host.workspace)).map((d) => d.title)).toEqual(['astana 22 turkey syria']);
  await page.screenshot({ path: 'test-results/import-refused.png' });

  // A good file right after still imports: the refusal left nothing half-done.
  const good = jsonl
    .split('\n')
    .filter((_, index) => index !== 2)
    .join('\n');
  await workbench.importFiles([
    { name: 'corpus-fixed.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(good) },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 documents' })).toBeVisible();
  await expect(workbench.documentList.getByRole('button')).toHaveCount(4);
});

test('binary and non-UTF-8 files are refused with a reason that says what to do', async ({
  page,
  workbench,
}) => {
  await workbench.importFiles([
    {
      name: 'scan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x00, 0x00]),
    },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x47, 0xfc, 0x6c, 0x65, 0x72]) },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('scan.txt was not imported');
  await expect(alert).toContainText(/binary/i);
  await expect(alert).toContainText('latin1.txt was not imported');
  await expect(alert).toContainText(/UTF-8/);
  await expect(workbench.documentList.getByRole('button')).toHaveCount(1);
});
