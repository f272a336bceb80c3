// Review: a second analyst's brat package comes in as their layer, the compare view classes every span, the
// keyboard steps through the disagreements and decides them — two accepted from each side — and gold exports
// with exactly those spans and their provenance. Importing the same package again changes nothing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { snapshot } from './support/snapshot';
import { ROOT } from './support/host';
import type { WorkbenchPage } from './support/workbench-page';

const DANA: [string, string][] = [
  ['Alexander Lavrentiev', '3'],
  ['the conditions are not yet ripe for a meeting', '1'],
  ['Turkish Defense Minister Yaşar Güler', '3'],
  ['without clear conditions', '2'],
];
const LEE: [string, string][] = [
  ['actor', 'Alexander Lavrentiev'],
  ['claim', 'the conditions are not yet ripe'],
  ['actor', 'Yaşar Güler'],
  ['claim', 'there will be no withdrawal of Turkish forces from Syria'],
];

async function leesPackage() {
  const text = await readFile(join(ROOT, 'data', 'astana-22-turkey-syria.txt'), 'utf8');
  const codePoints = (s: string) => [...s].length;
  const ann = LEE.map(([label, quote], i) => {
    const start = codePoints(text.slice(0, text.indexOf(quote)));
    return `T${i + 1}\t${label} ${start} ${start + codePoints(quote)}\t${quote}`;
  });
  return [
    { name: 'astana.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
    { name: 'astana.ann', mimeType: 'text/plain', buffer: Buffer.from(`${ann.join('\n')}\n`) },
  ];
}

async function importLee(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByLabel('Format').selectOption('brat');
  await dialog.getByLabel('Into the layer of (analyst name)').fill('Lee');
  await dialog.getByLabel('Files (or a .zip)').setInputFiles(await leesPackage());
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = await dialog
    .getByRole('region', { name: 'Import preview' })
    .getByRole('status')
    .innerText();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  return preview;
}

async function tag(workbench: WorkbenchPage) {
  for (const [quote, key] of DANA) {
    await workbench.selectText(quote);
    await workbench.pressLabel(key);
  }
  await workbench.expectSaved();
}

test('a colleague’s brat package is compared, adjudicated into gold from the keyboard, and gold exports with provenance', async ({
  page,
  workbench,
}) => {
  await tag(workbench);
  expect(await importLee(page)).toContain('Would import into lee: 4 added');
  await page.getByRole('button', { name: 'Review…' }).click();
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByRole('status').first()).toContainText(
    '0 of 5 settled in gold · 1 agree, 4 disagree',
  );
  await expect(workbench.documentList).toContainText('review: 0/5 settled · 1 agree · 4 disagree');
  // The compare classes show in the text: Lee's claim is only in B, Dana's condition only in A.
  await expect(workbench.documentText.locator('.tw-layer-b.tw-cmp-only-b')).toContainText(
    'there will be no withdrawal',
  );
  await expect(workbench.documentText.locator('.tw-layer-a.tw-cmp-only-a')).toHaveText(
    'without clear conditions',
  );

  await workbench.documentText.focus();
  const current = panel.getByRole('listitem').and(page.locator('[aria-current="true"]'));
  await page.keyboard.press(']');
  await expect(current).toContainText('Boundaries differ');
  await snapshot(page, 'review.png');
  await expect(current).toContainText('the conditions are not yet ripe for a meeting');
  await page.keyboard.press('a'); // Dana's longer claim
  await expect(current).toContainText('Yaşar Güler');
  await page.keyboard.press('b'); // Lee's shorter actor
  await expect(current).toContainText('there will be no withdrawal');
  await page.keyboard.press('b'); // Lee's claim
  await expect(current).toContainText('without clear conditions');
  await page.keyboard.press('a'); // Dana's condition
  await expect(panel.getByRole('status').first()).toContainText('4 of 5 settled in gold');
  await workbench.expectSaved();

  // Gold exported as a native package: exactly the four decisions, each with its provenance.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('checkbox', { name: /Dana/ }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Gold' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const pkg = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
    documents: {
      layers: Record<
        string,
        {
          spans: {
            quote: string;
            provenance?: { decision: string; decidedBy: string; sources: { layer: string }[] };
          }[];
        }
      >;
    }[];
  };
  const gold = pkg.documents[0]!.layers['gold']!.spans;
  expect(gold.map((s) => s.quote).sort()).toEqual(
    [
      'the conditions are not yet ripe for a meeting',
      'Yaşar Güler',
      'without clear conditions',
      'there will be no withdrawal of Turkish forces from Syria',
    ].sort(),
  );
  for (const span of gold) expect(span.provenance).toMatchObject({ decision: 'accepted', decidedBy: 'dana' });
  expect(gold.find((s) => s.quote === 'Yaşar Güler')!.provenance!.sources).toEqual([
    { layer: 'lee', id: 'T3' },
  ]);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // The same package again: nothing changes.
  await page.getByRole('button', { name: 'Close review' }).click();
  expect(await importLee(page)).toContain(
    'Would import into lee: 0 added, 0 removed, 0 relabelled, 0 changed',
  );
});

test('agreements merge into gold in one step, a figure opens the disagreements behind it, and undo takes a decision back', async ({
  page,
  workbench,
}) => {
  await tag(workbench);
  await importLee(page);
  await page.getByRole('button', { name: 'Review…' }).click();
  const panel = page.getByRole('region', { name: 'Review' });
  await panel.getByRole('button', { name: 'Merge agreements into gold' }).click();
  await expect(panel.getByRole('status').first()).toContainText('1 of 5 settled');
  await page.keyboard.press('Control+z');
  await expect(panel.getByRole('status').first()).toContainText('0 of 5 settled');
  await panel.getByRole('button', { name: 'Agreement figures…' }).click();
  const figures = page.getByRole('dialog', { name: 'Agreement figures' });
  await figures.getByRole('button', { name: /^All labels, exact F1: / }).click();
  const behind = figures.getByRole('region', { name: 'Disagreements behind the figure' });
  await expect(behind).toContainText('All labels, exact F1: 6 disagreements');
  await behind.getByRole('button').filter({ hasText: 'missing from lee' }).first().click();
  await expect(figures).toBeHidden();
});

test('the review screen passes axe in the light, dark and high-contrast themes', async ({
  page,
  workbench,
}) => {
  await tag(workbench);
  await importLee(page);
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    await workbench.callApi('preferences:set', { theme });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByRole('button', { name: 'Review…' }).click();
    const panel = page.getByRole('region', { name: 'Review' });
    await expect(panel.getByRole('status').first()).toContainText('0 of 5 settled in gold');
    await workbench.documentText.focus();
    await page.keyboard.press(']');
    await expectAccessible(page, `the review screen (${theme})`, '.columns');
  }
});
