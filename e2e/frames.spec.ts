// Who said what, end to end in browser mode: on the sample article an analyst tags an actor, a condition and
// a claim, links them with the keyboard and sets the claim's speech act; after a reload the claims table and
// its CSV hold the frame; deleting the actor takes its link with it and undo brings both back. A brat file
// with R lines imported through the CLI shows its relations and exports them unchanged. Also renders
// docs/frame.png and docs/claims-table.png (TAGWRIGHT_SCREENSHOTS=docs). Search hits, here and across the
// corpus, become suggestions accepted one by one.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { Locator } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/host';
import { snapshot } from './support/snapshot';

const SAMPLE = readFileSync(join(ROOT, 'data', 'astana-22-turkey-syria.txt'), 'utf8');
const CLAIM = 'Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan';
const CONDITION = 'Turkey withdraw its forces';
/** "Damascus" of "Damascus insists that…" (the name stands four times before it). */
const DAMASCUS = SAMPLE.slice(0, SAMPLE.indexOf('Damascus insists')).split('Damascus').length - 1;

/** Where `quote` starts in the sample (UTF-16 offsets; its text has no CRLF), as a whole word if `word`. */
function startsOf(quote: string, word: boolean): number[] {
  const pattern = new RegExp(word ? `\\b${quote}\\b` : quote, 'g');
  return [...SAMPLE.matchAll(pattern)].map((match) => match.index);
}

/**
 * The suggestions are exactly these, as the panel lists them (each row's Accept names its quote and offset).
 * Not the marks drawn in the text: the text draws only near the screen (editor/viewport-window.ts).
 */
async function expectSuggestionsAt(panel: Locator, quote: string, starts: readonly number[]): Promise<void> {
  await expect(panel).toContainText(`${starts.length} suggestions in this document`);
  const accepts = panel.getByRole('button', { name: /^Accept .* at \d+$/ });
  await expect(accepts).toHaveCount(starts.length);
  const names = await accepts.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(names.sort()).toEqual(starts.map((start) => `Accept ${quote} at ${start}`).sort());
}

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

  await page.getByRole('region', { name: 'Frames' }).getByRole('button', { name: 'Claims…' }).click();
  const claims = page.getByRole('dialog', { name: 'Claims' });
  const row = claims.getByRole('row').filter({ hasText: CLAIM });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText(['Damascus', CLAIM, CONDITION, 'demand']);
  await snapshot(page, 'claims-table.png');
  await expectAccessible(page, 'the claims table', 'dialog');
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
  // Every other whole-word "Erdogan" is suggested (the tagged one, the first, is not).
  const [, ...others] = startsOf('Erdogan', true);
  const count = others.length;
  await expectSuggestionsAt(panel, 'Erdogan', others);
  // ] goes to the next suggestion (drawn in the text, on screen), Y accepts it (a tag), X rejects the one after.
  await workbench.documentText.focus();
  await page.keyboard.press(']');
  const currentMark = workbench.documentText.locator('.tw-layer-suggestion.tw-focus');
  await expect(currentMark).toHaveText('Erdogan');
  await expect(currentMark).toBeInViewport();
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
  await page.getByRole('tab', { name: 'Frames' }).click();
  await page.getByRole('region', { name: 'Frames' }).getByRole('button', { name: 'Actors…' }).click();
  const actors = page.getByRole('dialog', { name: 'Actors' });
  await actors.getByRole('checkbox', { name: /^Erdogan/ }).check();
  await actors.getByRole('textbox', { name: 'Canonical name' }).fill('Recep Tayyip Erdogan');
  await actors.getByRole('button', { name: 'Rename' }).click();
  await expect(actors.getByRole('checkbox', { name: /^Recep Tayyip Erdogan 2 spans/ })).toBeVisible();
  await expectAccessible(page, 'the actors dialog', 'dialog');
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
  await expectAccessible(page, 'the schema editor', 'dialog');
  await schema.getByRole('checkbox', { name: 'Remove these 1 records' }).check();
  await schema.getByRole('button', { name: 'Apply' }).click();
  await expect(schema).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Labels' }).getByRole('button')).toHaveText([
    /Claim/,
    /Actor/,
  ]);
  await page.getByRole('tab', { name: 'Spans' }).click();
  await workbench.expectSpanCount(3);
});

test('the hits of a search for "Erdogan" become suggestions, and two accepted one by one are actors', async ({
  page,
  workbench,
}) => {
  await workbench.documentText.focus();
  await page.keyboard.press('Control+f');
  const search = page.getByRole('search', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search for' }).fill('Erdogan');
  await page.keyboard.press('Enter');
  const count = SAMPLE.split('Erdogan').length - 1;
  await expect(search.getByRole('status').filter({ hasText: /hits?$/ })).toHaveText(`${count} hits`);

  // Nothing is tagged in bulk: the hits become suggestions of the chosen label.
  const form = search.getByRole('form', { name: 'Tag all hits as' });
  await form.getByRole('combobox').selectOption({ label: 'Actor' });
  await form.getByRole('button', { name: `Suggest ${count} hits` }).click();
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await expectSuggestionsAt(panel, 'Erdogan', startsOf('Erdogan', false));
  // The current one, the first hit, is drawn in the text.
  await expect(workbench.documentText.locator('.tw-layer-suggestion.tw-focus')).toHaveText('Erdogan');
  await expect(page.getByRole('button', { name: /astana 22 turkey syria/ })).toContainText('Actor 0');

  // Y accepts the current one (the first hit) and moves on; Y again accepts the second; the rest wait.
  await workbench.documentText.focus();
  await page.keyboard.press('y');
  await page.keyboard.press('y');
  await expect(panel).toContainText(`${count - 2} suggestions in this document`);
  await workbench.expectSaved();
  await page.getByRole('tab', { name: 'Spans' }).click();
  expect(await workbench.spansInPanel()).toEqual(['Actor: Erdogan', 'Actor: Erdogan']);
  const first = SAMPLE.indexOf('Erdogan');
  await expect(workbench.spanRows().first()).toContainText('Erdogan');
  await workbench.spanRows().first().click();
  await expect(workbench.inspector).toContainText(`characters ${first}–${first + 'Erdogan'.length}`);
});

test('a corpus search offers the hits in another document there, and they wait untagged until accepted', async ({
  page,
  workbench,
}) => {
  await workbench.importText('riyadh.txt', 'Erdogan left the Riyadh summit early. Erdogan said little.');
  await workbench.openDocument('astana 22 turkey syria');
  await page.keyboard.press('Shift+Control+F');
  const search = page.getByRole('search', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search for' }).fill('Erdogan');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  const count = SAMPLE.split('Erdogan').length - 1;
  await expect(search.getByRole('status').filter({ hasText: /hits/ })).toHaveText(
    `${count + 2} hits in 2 of 2 documents`,
  );
  const form = search.getByRole('form', { name: 'Tag all hits as' });
  await form.getByRole('combobox').selectOption({ label: 'Actor' });
  await form.getByRole('button', { name: `Suggest ${count + 2} hits` }).click();

  const panel = page.getByRole('region', { name: 'Suggestions' });
  await expect(panel).toContainText(`${count} suggestions in this document`);
  await panel.getByRole('button', { name: 'riyadh (2)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'riyadh' })).toBeVisible();
  await expect(panel).toContainText('2 suggestions in this document');
  await expect(workbench.documentList.getByRole('button', { name: /^riyadh/ })).toContainText('Actor 0');
  await panel.getByRole('button', { name: 'Accept Erdogan at 38' }).click();
  await expect(panel).toContainText('1 suggestion in this document');
  await expect(workbench.documentList.getByRole('button', { name: /^riyadh/ })).toContainText('Actor 1');
});
