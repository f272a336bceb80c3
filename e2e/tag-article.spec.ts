// The core flow: import a CRLF text with emoji and Arabic, tag nested spans with the keyboard, survive a
// page reload and a host restart with exact quotes on disk, undo/redo and delete.
import { expect, test } from './support/fixtures';
import { readDiskDocument } from './support/disk';

const LINES = [
  'Güler said the army will stay if the border holds 🇹🇷 today.',
  'قال الوزير إن الجيش سيبقى 👩‍👩‍👧 في الشمال.',
  'End of report.',
];
const CRLF_TEXT = LINES.join('\r\n') + '\r\n';
const TITLE = 'crlf emoji arabic';

test('spans tagged with the keyboard in a CRLF, emoji and Arabic text survive reload and restart exactly', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.importFiles([
    { name: 'crlf-emoji-arabic.txt', mimeType: 'text/plain', buffer: Buffer.from(CRLF_TEXT) },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
  await workbench.openDocument(TITLE);

  // Claim: "the army will stay if the border holds" (11 characters in, 38 long), hotkey 1.
  await workbench.selectWithKeyboard(11, 38);
  await workbench.pressLabel('1');
  // Condition nested inside it: "if the border holds", hotkey 2.
  await workbench.selectWithKeyboard(30, 19);
  await workbench.pressLabel('2');
  // Actor: only "Gül" selected; snapping widens it to the whole word "Güler", hotkey 3.
  await workbench.selectWithKeyboard(0, 3);
  await workbench.pressLabel('3');
  await workbench.expectSaved();

  const expected = [
    'Actor: Güler',
    'Claim: the army will stay if the border holds',
    'Condition: if the border holds',
  ];
  expect(await workbench.spansInPanel()).toEqual(expected);
  await expect(workbench.decorated('condition')).toHaveText('if the border holds');
  await page.screenshot({ path: 'test-results/tagged-nested.png' });

  // Undo removes the actor, redo brings it back; both are saved.
  await page.keyboard.press('Control+z');
  await expect(workbench.spanRows()).toHaveCount(2);
  await workbench.expectSaved();
  await page.keyboard.press('Control+Shift+z');
  await expect(workbench.spanRows()).toHaveCount(3);
  await workbench.expectSaved();

  await page.reload();
  await workbench.openDocument(TITLE);
  expect(await workbench.spansInPanel()).toEqual(expected);

  await host.restart();
  await workbench.open(host.url);
  await workbench.openDocument(TITLE);
  expect(await workbench.spansInPanel()).toEqual(expected);

  const disk = await readDiskDocument(host.workspace, TITLE);
  expect(disk.text).toBe(LINES.join('\n') + '\n');
  expect(disk.import.lineEndings).toBe('crlf');
  expect(disk.import.crlfAt).toHaveLength(3);
  const spans = Object.values(disk.layers).flatMap((layer) => layer.spans);
  expect(spans.map((s) => `${s.label}: ${s.quote}`).sort()).toEqual(
    [
      'actor: Güler',
      'claim: the army will stay if the border holds',
      'condition: if the border holds',
    ].sort(),
  );
  for (const span of spans) expect(disk.text.slice(span.start, span.end)).toBe(span.quote);

  // Delete the condition from the panel with the keyboard.
  await workbench.spanRows().filter({ hasText: 'Condition' }).click();
  await page.keyboard.press('Delete');
  await expect(workbench.spanRows()).toHaveCount(2);
  await workbench.expectSaved();
  const afterDelete = await readDiskDocument(host.workspace, TITLE);
  expect(
    Object.values(afterDelete.layers)
      .flatMap((l) => l.spans.map((s) => s.label))
      .sort(),
  ).toEqual(['actor', 'claim']);
});

test('a word selected with the mouse in Arabic text next to an emoji keeps exact offsets', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.importFiles([
    { name: 'crlf-emoji-arabic.txt', mimeType: 'text/plain', buffer: Buffer.from(CRLF_TEXT) },
  ]);
  await workbench.openDocument(TITLE);
  await workbench.selectText('لجيش سيبقى 👩‍👩');
  await page.getByRole('button', { name: 'Tag as Claim' }).click();
  await workbench.expectSaved();
  expect(await workbench.spansInPanel()).toEqual(['Claim: الجيش سيبقى 👩‍👩‍👧']);
  const disk = await readDiskDocument(host.workspace, TITLE);
  const span = Object.values(disk.layers)[0]!.spans[0]!;
  expect(disk.text.slice(span.start, span.end)).toBe('الجيش سيبقى 👩‍👩‍👧');
});
