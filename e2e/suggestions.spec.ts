// Machine suggestions end to end in browser mode: on the sample article the analyst asks for suggestions from
// the command palette, accepts three actors and one claim with the keyboard (] Y) and rejects one (X); the
// layer holds exactly the accepted ones, the claim linked to its accepted speaker, and after a reload the
// rejected suggestion is not offered again. Suggesting on import is an option, Shift+Y accepts all of one
// label after a look, and the setting hides it all. Also renders docs/suggestions.png (TAGWRIGHT_SCREENSHOTS=docs).
import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/host';
import type { WorkbenchPage } from './support/workbench-page';

async function snapshot(page: Page, name: string): Promise<void> {
  const path = join(ROOT, 'test-results', name);
  await page.screenshot({ path });
  if (process.env.TAGWRIGHT_SCREENSHOTS === 'docs') await copyFile(path, join(ROOT, 'docs', name));
}

interface Layer {
  spans: { id: string; label: string; quote: string; start: number }[];
  relations: { type: string; from: string; to: string }[];
}

/** Runs "Suggest tags (this document)" from the palette and waits for the suggestions it offers. */
async function suggestFromPalette(page: Page, workbench: WorkbenchPage): Promise<void> {
  await workbench.documentText.focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('suggest tags (this');
  await expect(palette.getByRole('option').first()).toContainText('Suggest tags (this document)');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('region', { name: 'Suggestions' })).toContainText(
    /[1-9]\d* suggestions in this document/,
  );
  await expect(page.getByRole('region', { name: 'Suggestions' })).toContainText(
    /Suggested: [1-9]\d* suggestions in 1 document\./,
  );
  await workbench.documentText.focus();
}

const SAMPLE = readFileSync(join(ROOT, 'data', 'astana-22-turkey-syria.txt'), 'utf8');
const REJECTED = 'Turkish President Recep Tayyip Erdogan';

test('suggestions are accepted and rejected with the keyboard, and a rejection outlives a reload', async ({
  page,
  workbench,
}) => {
  await suggestFromPalette(page, workbench);
  const panel = page.getByRole('region', { name: 'Suggestions' });
  const current = panel.locator('.suggestion-row[aria-current="true"]');
  // From the top, ] goes to the first suggestion; Y accepts it and the next one becomes current, X rejects it.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press(']');
  await expect(current).toContainText('Alexander Lavrentiev');
  await page.keyboard.press('y');
  await expect(current).toContainText('the conditions are not yet ripe');
  await page.keyboard.press('y');
  await expect(current).toContainText('Syrian President Bashar al-Assad');
  await page.keyboard.press('y');
  await expect(current).toContainText(REJECTED);
  await page.keyboard.press('x');
  await expect(current).toContainText('Lavrentiev');
  await page.keyboard.press('y');
  await workbench.expectSaved();
  // Without a selected span the side column shows more of the suggestions (the picture in the docs).
  await page.keyboard.press('Escape');
  await snapshot(page, 'suggestions.png');

  const view = await workbench.callApi<{ localAnnotator: { id: string }; documents: { id: string }[] }>(
    'workspace:get',
    {},
  );
  const doc = await workbench.callApi<{ layers: Record<string, Layer> }>('document:get', {
    docId: view.documents[0]!.id,
  });
  const layer = doc.layers[view.localAnnotator.id]!;
  const quotes = layer.spans.map((s) => `${s.label}: ${s.quote}`).sort();
  expect(quotes).toHaveLength(4);
  expect(quotes.filter((q) => q.startsWith('actor: '))).toEqual([
    'actor: Alexander Lavrentiev',
    'actor: Lavrentiev',
    'actor: Syrian President Bashar al-Assad',
  ]);
  const claim = layer.spans.find((s) => s.label === 'claim')!;
  expect(claim.quote).toMatch(/^the conditions are not yet ripe/);
  const speaker = layer.spans.find((s) => s.quote === 'Alexander Lavrentiev')!;
  expect(layer.relations).toEqual([
    expect.objectContaining({ type: 'says', from: speaker.id, to: claim.id }),
  ]);

  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  await page.getByRole('tab', { name: 'Suggestions' }).click();
  await suggestFromPalette(page, workbench);
  await expect(
    panel.getByRole('button', { name: `Reject ${REJECTED} at ${SAMPLE.indexOf(REJECTED)}` }),
  ).toHaveCount(0);
  // Its later mention is another suggestion, still offered; what was accepted is not offered again.
  await expect(panel.getByRole('button', { name: new RegExp(`^Reject ${REJECTED} at \\d+$`) })).toHaveCount(
    1,
  );
  const speakerAt = SAMPLE.indexOf('Alexander Lavrentiev');
  await expect(
    panel.getByRole('button', { name: `Reject Alexander Lavrentiev at ${speakerAt}` }),
  ).toHaveCount(0);
});

test('suggesting on import is an option, and turning suggestions off hides their commands', async ({
  page,
  workbench,
}) => {
  await page.getByRole('tab', { name: /Suggestions/ }).click();
  await page.getByRole('checkbox', { name: 'Suggest tags on import' }).check();
  await workbench.importText('ankara.txt', 'Ankara insists that talks resume unless the border closes.\n');
  await workbench.openDocument('ankara');
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await expect(panel.getByRole('button', { name: 'Accept Ankara at 0' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Accept unless the border closes at \d+$/ })).toBeVisible();

  // Shift+Y: every suggestion of one label after a look at how many; one step.
  await workbench.documentText.focus();
  await page.keyboard.press('Shift+Y');
  const accept = page.getByRole('dialog', { name: 'Accept suggestions' });
  await accept.getByRole('radio', { name: 'Actor (1)' }).check();
  await accept.getByRole('button', { name: 'Accept 1 Actor suggestion' }).click();
  await expect(accept).toBeHidden();
  await workbench.expectSaved();
  await expect(panel.getByRole('button', { name: 'Accept Ankara at 0' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Spans' }).click();
  await expect.poll(() => workbench.spansInPanel()).toEqual(['Actor: Ankara']);
  await page.getByRole('tab', { name: /Suggestions/ }).click();

  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('checkbox', { name: /Offer suggestions/ }).uncheck();
  await settings.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Suggest tags on import' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Suggest tags', exact: true })).toHaveCount(0);
  await workbench.documentText.focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('suggest tags');
  await expect(palette.getByRole('option', { name: /Suggest tags/ })).toHaveCount(0);
});
