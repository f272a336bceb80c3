// Files reach the workspace by drag and drop too; a damaged document file is reported by name and reason,
// copied to quarantine and never overwritten, while the rest of the workspace stays usable.
import { expect, test } from './support/fixtures';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDiskDocuments } from './support/disk';

test('files dropped onto the window are imported, and Alt+ArrowDown opens the next document', async ({
  page,
  workbench,
}) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Putin was asked for help.\n'], 'dropped-note.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
  await expect(workbench.documentList.getByRole('button')).toHaveCount(2);

  await workbench.documentText.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { level: 1, name: 'dropped note' })).toBeVisible();
  await expect(workbench.documentText).toHaveText('Putin was asked for help.');
});

test('a damaged document file is named with its reason, quarantined and left byte-identical', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.importFiles([
    { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('Second article.') },
  ]);
  await expect(workbench.documentList.getByRole('button')).toHaveCount(2);
  let damagedPath = '';
  let damagedBytes = '';
  let sampleId = '';
  await host.restart(async () => {
    const [sample] = (await readDiskDocuments(host.workspace)).filter((d) => d.title.startsWith('astana'));
    sampleId = sample!.id;
    damagedPath = join(host.workspace, 'documents', `${sampleId}.json`);
    damagedBytes = (await readFile(damagedPath, 'utf8')).slice(0, 500);
    await writeFile(damagedPath, damagedBytes);
  });
  await workbench.open(host.url);
  await page.screenshot({ path: 'test-results/damaged-file.png' });
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toContainText(`documents/${sampleId}.json`);
  await expect(alert).toContainText(/not valid JSON/);
  await expect(alert).toContainText('Nothing was overwritten');
  await expect(workbench.documentList.getByRole('button', { name: /astana.*damaged/ })).toBeVisible();
  await workbench.openDocument('second');
  await workbench.selectText('Second');
  await workbench.pressLabel('1');
  await workbench.expectSaved();

  expect(await readFile(damagedPath, 'utf8')).toBe(damagedBytes);
  const quarantineDir = join(host.workspace, 'quarantine', 'documents');
  const quarantined = await readdir(quarantineDir);
  expect(quarantined).toHaveLength(1);
  expect(quarantined[0]).toMatch(new RegExp(`^${sampleId}\\.`));
  expect(await readFile(join(quarantineDir, quarantined[0]!), 'utf8')).toBe(damagedBytes);
});

test('a change the disk refuses shows "Not saved" with the reason, and the text shows what is on disk', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  // The documents folder disappears under the running app (an unplugged drive, a sync tool gone wrong).
  await rm(join(host.workspace, 'documents'), { recursive: true, force: true });
  await workbench.selectText('Bashar al-Assad');
  await workbench.pressLabel('3');
  await expect(page.getByTestId('save-status')).toContainText(/Not saved: .*ENOENT/);
  await expect(page.getByRole('alert')).toContainText(
    'A change could not be saved; the document was reloaded',
  );
  expect(await workbench.spansInPanel()).toEqual(['Actor: Alexander Lavrentiev']);

  // Once the folder is back, the next change is saved and the status says so again.
  await mkdir(join(host.workspace, 'documents'));
  await workbench.selectText('Recep Tayyip Erdogan');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
});
