// The working-day screens of the hostile-content walk (bench/reliability, Node only), opened with payloads
// present: frames (actors and attribute values that are payloads) in the frames panel, the claims table and the
// actors list; the suggestions panel; corpus search with its hits and the hits as suggestions; the review
// screen (compare view against a colleague with a payload name, their comment threads, a comment typed, the
// agreement dialog and the disagreements behind a figure); the command palette; the document queue (filters,
// metadata, a rename to a payload); settings and the shortcuts sheet. Each opens and waits for its content.
import type { Locator, Page } from '@playwright/test';
import type { DocumentRecord } from '@shared/model';
import type { WorkbenchPage } from '../../../e2e/support/workbench-page';
import { fit, type Payload } from './payloads';
import type { Planted } from './plant';

const STEP_MS = 10_000;

/** Waits for the first element of `locator`; a timeout names what was awaited. */
async function shown(locator: Locator): Promise<void> {
  await locator
    .first()
    .waitFor({ timeout: STEP_MS })
    .catch((error: unknown) => {
      throw new Error(`${String(locator)} was not shown within ${STEP_MS} ms`, { cause: error });
    });
}

/**
 * Frames in the analyst's layer of the first text: each payload of its paragraphs is an actor who says the
 * paragraph's "Paragraph n" claim, whose attribute value is a payload too (the schema's values are payloads).
 */
export async function framesThroughApi(
  workbench: WorkbenchPage,
  docId: string,
  layer: string,
  list: readonly Payload[],
): Promise<void> {
  const doc = await workbench.callApi<DocumentRecord>('document:get', { docId });
  const ops: unknown[] = [];
  for (const [i, payload] of list.slice(0, 5).entries()) {
    const claim = `Paragraph ${payload.n}`;
    const claimAt = doc.text.indexOf(`${claim}: `);
    const actor = fit(payload, 40);
    const actorAt = doc.text.indexOf(actor, claimAt);
    if (claimAt < 0 || actorAt < 0 || actor.trim() === '') continue;
    const attributes = { attr0: fit(list[i % 5] as Payload, 80) };
    ops.push(
      {
        kind: 'add-span',
        span: {
          id: `frame-claim-${i}`,
          label: 'claim',
          start: claimAt,
          end: claimAt + claim.length,
          attributes,
        },
      },
      {
        kind: 'add-span',
        span: {
          ...{ id: `frame-actor-${i}`, label: 'actor', start: actorAt, end: actorAt + actor.length },
          // A canonical name that is a payload too (the actors list and the claims table show it).
          attributes: { actor: fit(list[(i + 1) % list.length] as Payload, 80) },
        },
      },
      {
        kind: 'add-relation',
        relation: { id: `frame-says-${i}`, type: 'says', from: `frame-actor-${i}`, to: `frame-claim-${i}` },
      },
    );
  }
  if (ops.length === 0) throw new Error('no payload of the first text could be tagged as a frame');
  await workbench.callApi('annotations:apply', { docId, layer, ops });
}

/** The frames panel, the claims table (each of its views) and the actors list. */
export async function frameScreens(workbench: WorkbenchPage): Promise<void> {
  const page = workbench.page;
  await page.getByRole('tab', { name: 'Frames' }).click();
  const panel = page.getByRole('region', { name: 'Frames' });
  await shown(panel.getByRole('listitem'));
  await panel.getByRole('button', { name: 'Claims…' }).click();
  const claims = page.getByRole('dialog', { name: 'Claims' });
  await shown(claims.getByRole('status'));
  for (const tab of await claims.getByRole('tab').all()) {
    await tab.click();
    await shown(claims.getByRole('status').or(claims.getByRole('table')));
  }
  await claims.getByRole('button', { name: 'Close Claims' }).click();
  await panel.getByRole('button', { name: 'Actors…' }).click();
  const actors = page.getByRole('dialog', { name: 'Actors' });
  await shown(actors.getByRole('list', { name: 'Actors in the workspace' }).getByRole('listitem'));
  await actors.getByRole('button', { name: 'Close Actors' }).click();
}

/** The offline suggester over a text full of payloads, and its suggestions listed. */
export async function suggestionScreens(workbench: WorkbenchPage): Promise<void> {
  const page = workbench.page;
  await page.getByRole('tab', { name: /^Suggestions/ }).click();
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await panel.getByRole('button', { name: 'Suggest tags' }).click();
  await shown(panel.getByRole('button', { name: /^Accept .+ at \d+$/ }).or(panel.getByRole('status')));
  await page.getByRole('tab', { name: 'Spans' }).click();
}

/** Corpus search: hits quoting payload texts, then every hit made a suggestion. */
export async function searchScreens(workbench: WorkbenchPage): Promise<void> {
  const page = workbench.page;
  await page.keyboard.press('Shift+Control+F');
  const search = page.getByRole('search', { name: 'Search' });
  await search.getByRole('radio', { name: 'All documents' }).check();
  await search.getByRole('searchbox', { name: 'Search for' }).fill('Paragraph');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  const hits = search.getByRole('listbox', { name: 'Search hits' }).getByRole('option');
  await shown(hits);
  await hits.first().click({ timeout: STEP_MS });
  const suggest = search.getByRole('form', { name: 'Tag all hits as' });
  await shown(suggest);
  await suggest.getByRole('button', { name: /^Suggest \d+ hits?$/ }).click({ timeout: STEP_MS });
  await shown(page.getByRole('tab', { name: /^Suggestions \(\d+\)/ }));
  // Suggesting may hand the focus to the suggestions; the search closes if it is still open.
  const close = search.getByRole('button', { name: 'Close search' });
  if (await close.isVisible()) await close.click({ timeout: STEP_MS });
}

/**
 * The review screen between two colleagues whose names are payloads: the compare view, a tag with its
 * comment thread (payloads), a comment typed, the agreement figures and what lies behind one.
 */
export async function reviewScreens(
  workbench: WorkbenchPage,
  colleagues: readonly string[],
  comment: string,
): Promise<void> {
  const page = workbench.page;
  await page.getByRole('button', { name: 'Review…' }).click();
  const panel = page.getByRole('region', { name: 'Review' });
  // Two colleagues whose tags do not overlap: B's tag is an item of its own, and choosing it shows its thread.
  await panel.getByRole('combobox', { name: 'A (below the text)' }).selectOption(colleagues[1] ?? '');
  await panel.getByRole('combobox', { name: 'B (above the text)' }).selectOption(colleagues[0] ?? '');
  const items = panel.getByRole('list', { name: 'Items to decide' }).getByRole('button');
  await shown(items);
  await items.filter({ hasText: 'A: —' }).first().click();
  const thread = workbench.inspector.getByRole('region', { name: 'Comments' });
  await shown(thread.getByRole('listitem'));
  await thread.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await thread.getByRole('button', { name: 'Add comment' }).click();
  await shown(thread.getByRole('listitem').filter({ hasText: comment.slice(0, 20) }));
  await panel.getByRole('button', { name: 'Agreement figures…' }).click();
  const figures = page.getByRole('dialog', { name: 'Agreement figures' });
  const figure = figures.getByRole('button', { name: /Show the disagreements behind it$/ });
  await shown(figure);
  await figure.first().click();
  await shown(figures.getByRole('region', { name: 'Disagreements behind the figure' }));
  await figures.getByRole('button', { name: 'Close Agreement figures' }).click();
  await panel.getByRole('button', { name: 'Close review' }).click();
}

/** The command palette: every command (labels named by payloads among them), then filtered. */
export async function paletteScreens(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await shown(palette.getByRole('option'));
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('<');
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('tag');
  await shown(palette.getByRole('option'));
  await page.keyboard.press('Escape');
}

/** The document queue: status filter, a filter by payload metadata, the details of a record and a rename. */
export async function queueScreens(workbench: WorkbenchPage, payload: Payload, title: string): Promise<void> {
  const page = workbench.page;
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('unfinished');
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('all');
  const filter = page.getByRole('searchbox', { name: 'Filter by title or metadata' });
  await filter.fill('Record');
  await filter.fill(fit(payload, 30));
  // The payload is a metadata value of its JSONL record; should the filter find nothing, any record will do.
  if ((await workbench.documentList.getByRole('button').count()) === 0) await filter.fill('Record');
  await workbench.documentList.getByRole('button').first().click();
  await filter.fill('');
  await page.getByRole('button', { name: 'Details…' }).click({ timeout: STEP_MS });
  const details = page.getByRole('dialog', { name: 'Document details' });
  await shown(details.getByRole('textbox', { name: 'Title' }));
  await details.getByRole('textbox', { name: 'Title' }).fill(title);
  await details.getByRole('button', { name: 'Rename' }).click();
  await shown(details.getByRole('status').filter({ hasText: 'Renamed.' }));
  await details.getByRole('button', { name: 'Done' }).click();
}

/** Settings (the shortcut table names every command) and the keyboard shortcuts sheet. */
export async function settingsScreens(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await shown(settings.getByRole('row'));
  await settings.getByRole('button', { name: 'Done', exact: true }).click();
  await page.keyboard.press('?');
  await shown(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('region'));
  await page.keyboard.press('Escape');
}

/** The planted colleagues' layer ids (their layers and comment threads are on the first text). */
export function colleagueLayers(planted: Planted): string[] {
  return planted.colleagues.map((c) => c.id);
}
