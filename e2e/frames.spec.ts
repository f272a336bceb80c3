// Who said what, end to end in browser mode: on the sample article an analyst tags an actor, a condition and
// a claim, links them with the keyboard and sets the claim's speech act; after a reload the claims table and
// its CSV hold the frame; deleting the actor takes its link with it and undo brings both back. A brat file
// with R lines imported through the CLI shows its relations and exports them unchanged. Also renders
// docs/frame.png and docs/claims-table.png (TAGWRIGHT_SCREENSHOTS=docs).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/host';

async function snapshot(page: Page, name: string): Promise<void> {
  const path = join(ROOT, 'test-results', name);
  await page.screenshot({ path });
  if (process.env.TAGWRIGHT_SCREENSHOTS === 'docs') await copyFile(path, join(ROOT, 'docs', name));
}

const SAMPLE = readFileSync(join(ROOT, 'data', 'astana-22-turkey-syria.txt'), 'utf8');
const CLAIM = 'Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan';
const CONDITION = 'Turkey withdraw its forces';
/** "Damascus" of "Damascus insists that…" (the name stands four times before it). */
const DAMASCUS = SAMPLE.slice(0, SAMPLE.indexOf('Damascus insists')).split('Damascus').length - 1;

test('an analyst links who said what with the keyboard, and the claims table and its CSV hold the frame', async ({
  page,
  workbench,
}) => {
  await workbench.selectText('Damascus', DAMASCUS);
  await workbench.pressLabel('3');
  await workbench.selectText(CONDITION);
  await workbench.pressLabel('2');
  await workbench.selectText(CLAIM);
  await workbench.pressLabel('1');
  const inspector = workbench.inspector;
  await expect(inspector.getByRole('blockquote')).toHaveText(CLAIM);

  // L links the selected claim to the nearest actor before it; n moves to the condition, L links it.
  await page.keyboard.press('l');
  await expect(inspector.getByRole('region', { name: 'Links' })).toContainText('Damascus says →');
  await page.keyboard.press('n');
  await expect(inspector.getByRole('blockquote')).toHaveText(CONDITION);
  await page.keyboard.press('l');
  await expect(inspector.getByRole('region', { name: 'Links' })).toContainText('conditions →');

  // A opens the attribute picker; typing filters it and Enter sets the claim's speech act.
  await page.keyboard.press('p');
  await expect(inspector.getByRole('blockquote')).toHaveText(CLAIM);
  await page.keyboard.press('a');
  const picker = page.getByRole('dialog', { name: 'Set an attribute' });
  await picker.getByRole('combobox').fill('demand');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(inspector.getByRole('combobox', { name: 'Speech act' })).toHaveValue('demand');
  await workbench.expectSaved();

  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  await page.getByRole('tab', { name: 'Frames' }).click();
  const frame = page.getByRole('listitem', { name: `Damascus: ${CLAIM}` });
  await expect(frame).toContainText(CONDITION);
  // Choosing the claim in its frame scrolls the text to it; pointing at the frame emphasises its spans.
  await page.getByRole('region', { name: 'How to tag' }).getByRole('button', { name: 'Got it' }).click();
  await frame.getByRole('button', { name: CLAIM }).click();
  await frame.hover();
  await expect(workbench.documentText.locator('.tw-emphasis')).toHaveText([
    'Damascus',
    CONDITION,
    ' as a precondition for a meeting between Assad and Erdogan',
  ]);
  await snapshot(page, 'frame.png');

  await page.getByRole('button', { name: 'Claims…' }).click();
  const claims = page.getByRole('dialog', { name: 'Claims' });
  const row = claims.getByRole('row').filter({ hasText: CLAIM });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText(['Damascus', CLAIM, CONDITION, 'demand']);
  await snapshot(page, 'claims-table.png');
  const download = page.waitForEvent('download');
  await claims.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  const line = csv.split('\r\n').find((l) => l.includes(CLAIM));
  expect(line).toMatch(
    /,claim,Turkey withdraw its forces as a precondition .* Erdogan,\d+,\d+,Damascus,Turkey withdraw its forces,demand,,$/,
  );
  await claims.getByRole('button', { name: 'Close', exact: true }).click();

  // Deleting the actor removes its link in the same step; one undo brings both back.
  await page.getByRole('tab', { name: 'Spans' }).click();
  await workbench
    .spanRows()
    .filter({ has: page.locator('.span-row-quote', { hasText: /^Damascus$/ }) })
    .click();
  await page.keyboard.press('Delete');
  await workbench.expectSpanCount(2);
  await page.getByRole('tab', { name: 'Frames' }).click();
  await expect(page.getByRole('listitem', { name: `No actor: ${CLAIM}` })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('listitem', { name: `Damascus: ${CLAIM}` })).toBeVisible();
  await workbench.expectSaved();
});

const BRAT_TEXT = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.\n';
/** A T line for the first occurrence of `quote` (code points equal UTF-16 units in this ASCII text). */
const bratSpan = (id: string, label: string, quote: string) => {
  const start = BRAT_TEXT.indexOf(quote);
  return `${id}\t${label} ${start} ${start + quote.length}\t${quote}`;
};
const BRAT_ANN = [
  bratSpan('T1', 'actor', 'Damascus'),
  bratSpan('T2', 'claim', 'Turkey withdraw its forces as a precondition for a meeting'),
  bratSpan('T3', 'condition', 'Turkey withdraw its forces'),
  'R1\tsays Arg1:T1 Arg2:T2',
  'R2\tconditions Arg1:T3 Arg2:T2',
].join('\n');

test('a brat file with R lines imported through the CLI shows its relations and exports them unchanged', async ({
  page,
  host,
  workbench,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'tagwright-brat-'));
  try {
    await writeFile(join(folder, 'damascus-demands.txt'), BRAT_TEXT);
    await writeFile(join(folder, 'damascus-demands.ann'), `${BRAT_ANN}\n`);
    await host.restart(async () => {
      const cli = [join(ROOT, 'out', 'main', 'host.js'), 'import', '--workspace', host.workspace];
      await promisify(execFile)(process.execPath, [...cli, '--format', 'brat', '--layer', 'Dana', folder]);
    });
    await workbench.open(host.url);
    await workbench.openDocument('damascus-demands');
    await page.getByRole('tab', { name: 'Frames' }).click();
    const frame = page.getByRole('listitem', {
      name: 'Damascus: Turkey withdraw its forces as a precondition for a meeting',
    });
    await expect(frame).toContainText(/conditions:\s*Turkey withdraw its forces/);

    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export annotations' });
    await dialog.getByRole('radio', { name: /brat/ }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const files = unzipSync(await readFile((await (await download).path())!));
    const ann = Object.entries(files).find(([name]) => name.endsWith('damascus-demands.ann'));
    expect(ann).toBeDefined();
    expect(new TextDecoder().decode(ann![1]).trim()).toBe(BRAT_ANN);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('suggestions from a tag, a link by drag, an actor merge with undo and a label deleted with confirmation', async ({
  page,
  workbench,
}) => {
  await workbench.selectText('Erdogan');
  await workbench.pressLabel('3');
  await page.getByRole('tab', { name: /Suggestions/ }).click();
  const panel = page.getByRole('region', { name: 'Suggestions' });
  const count = SAMPLE.match(/\bErdogan\b/g)!.length - 1;
  await expect(panel).toContainText(`${count} suggestions in this document`);
  await expect(workbench.documentText.locator('.tw-layer-suggestion')).toHaveCount(count);
  // ] goes to the next suggestion, Y accepts it (a tag), X rejects the one after.
  await workbench.documentText.focus();
  await page.keyboard.press(']');
  await page.keyboard.press('y');
  await expect(panel).toContainText(`${count - 1} suggestions in this document`);
  await expect(page.getByRole('button', { name: /astana 22 turkey syria/ })).toContainText('Actor 2');
  await page.keyboard.press('x');
  await expect(panel).toContainText(`${count - 2} suggestions in this document`);

  // Dragging the actor's row onto a claim's row links them.
  await workbench.selectText('the conditions are not yet ripe for a meeting');
  await workbench.pressLabel('1');
  await workbench.selectText('without clear conditions');
  await workbench.pressLabel('2');
  await page.getByRole('tab', { name: 'Spans' }).click();
  const row = (quote: string) =>
    workbench
      .spanRows()
      .filter({ has: page.locator('.span-row-quote', { hasText: new RegExp(`^${quote}$`) }) });
  await row('Erdogan').first().dragTo(row('the conditions are not yet ripe for a meeting'));
  await expect(workbench.inspector.getByRole('region', { name: 'Links' })).toContainText('says');

  // Actors: "Erdogan" goes by a canonical name everywhere in Dana's layer, and Undo takes it back.
  await page.getByRole('button', { name: 'Actors…' }).click();
  const actors = page.getByRole('dialog', { name: 'Actors' });
  await actors.getByRole('checkbox', { name: /^Erdogan/ }).check();
  await actors.getByRole('textbox', { name: 'Canonical name' }).fill('Recep Tayyip Erdogan');
  await actors.getByRole('button', { name: 'Rename' }).click();
  await expect(actors.getByRole('checkbox', { name: /^Recep Tayyip Erdogan 2 spans/ })).toBeVisible();
  await actors.getByRole('button', { name: /^Undo/ }).click();
  await expect(actors.getByRole('checkbox', { name: /^Erdogan 2 spans/ })).toBeVisible();
  await actors.getByRole('button', { name: 'Close', exact: true }).click();

  // Schema: deleting a label with spans names what goes and needs the count confirmed.
  await page.getByRole('button', { name: 'Schema…' }).click();
  const schema = page.getByRole('dialog', { name: 'Schema' });
  await schema.getByRole('button', { name: 'Delete label Condition' }).click();
  await schema.getByRole('button', { name: 'Check the change' }).click();
  await expect(schema.getByRole('region', { name: 'What the change does' })).toContainText(
    'It removes 1 condition span(s) in 1 document(s).',
  );
  await expect(schema.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await schema.getByRole('checkbox', { name: 'Remove these 1 records' }).check();
  await schema.getByRole('button', { name: 'Apply' }).click();
  await expect(schema).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Labels' }).getByRole('button')).toHaveText([
    /Claim/,
    /Actor/,
  ]);
  await workbench.expectSpanCount(3);
});
