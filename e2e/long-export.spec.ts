// A long export can be cancelled and leaves no file: a corpus of 1,500 documents is made through the API, a
// CoNLL export of all of it starts, shows its progress bar with counts, and Cancel stops it — no download
// arrives and no temporary file is left in the workspace.
import { readdir } from 'node:fs/promises';
import { expect, test } from './support/fixtures';

const DOCUMENTS = 1500;

function bigCorpus(): string {
  const paragraph =
    'Turkish President Recep Tayyip Erdogan said on Tuesday that the border would stay closed unless ' +
    'the talks in Astana produced clear conditions for the return of refugees. ';
  const lines = Array.from({ length: DOCUMENTS }, (_, i) =>
    JSON.stringify({
      id: `wire-${i}`,
      title: `Wire ${i}`,
      text: `Report ${i}. ${paragraph.repeat(30)}`,
      meta: { source: 'wire' },
    }),
  );
  return lines.join('\n');
}

test('a cancelled long export leaves no file', async ({ page, workbench, host }) => {
  const report = await workbench.callApi<{ imported: unknown[] }>('documents:import', {
    files: [{ name: 'wire.jsonl', dataBase64: Buffer.from(bigCorpus()).toString('base64') }],
  });
  expect(report.imported).toHaveLength(DOCUMENTS);
  await page.reload();
  // 1,501 documents load on a shared 2-core machine: allow the reload more than the default wait.
  await expect(workbench.documentText).toBeVisible({ timeout: 30_000 });

  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: /CoNLL/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const progress = dialog.getByRole('group', { name: 'Export in progress' });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress).toContainText(/\d+ of \d+/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The export was cancelled: nothing was written.');
  await expect(progress).toBeHidden();
  // Closing and reopening the dialog does not bring a late file either.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  expect(downloads).toEqual([]);
  const leftovers = (await readdir(host.workspace, { recursive: true })).filter((name) =>
    name.endsWith('.tmp'),
  );
  expect(leftovers).toEqual([]);
});
