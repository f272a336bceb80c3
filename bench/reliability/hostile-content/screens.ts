// The analyst's walk through every screen that shows planted content (bench/reliability, Node only), in
// Chromium against the built host: first run with a hostile name, notes typed in the inspector and sent
// through the API, hostile file names imported through the file picker, the export dialog (colleagues' names,
// labels, a download named after a hostile title), a hostile annotated file through the import preview, every
// document opened, span rows and colleagues' layers shown; and the working-day screens (day-screens.ts). Uses the end-to-end tests' page object, so it finds controls the way they do.
import type { Page } from '@playwright/test';
import type { WorkspaceView } from '@shared/api';
import { WorkbenchPage } from '../../../e2e/support/workbench-page';
import type { Planted } from './plant';
import {
  colleagueLayers,
  frameScreens,
  framesThroughApi,
  paletteScreens,
  queueScreens,
  reviewScreens,
  searchScreens,
  settingsScreens,
  suggestionScreens,
} from './day-screens';
import { fit, type Payload } from './payloads';

const STEP_MS = 10_000;

async function waitForTitle(page: Page, title: string): Promise<void> {
  await page
    .waitForFunction(
      (expected) => document.querySelector('h1.document-heading')?.textContent === expected,
      title,
      { timeout: STEP_MS },
    )
    .catch(async (error: unknown) => {
      const shown = await page
        .locator('h1.document-heading')
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null);
      const seen = `${JSON.stringify(title)} (the heading reads ${JSON.stringify(shown)})`;
      throw new Error(`the title was not shown within ${STEP_MS} ms: ${seen}`, { cause: error });
    });
}

/** Adds a span with a hostile note to the analyst's own layer of each text document, through the API. */
async function notesThroughApi(
  workbench: WorkbenchPage,
  planted: Planted,
  list: readonly Payload[],
  layer: string,
): Promise<void> {
  for (const [i, docId] of planted.textDocIds.entries()) {
    const ops = list.slice(i * 10, i * 10 + 10).map((p, k) => ({
      kind: 'add-span',
      span: { id: `note-${p.n}`, label: 'condition', start: k * 3, end: k * 3 + 2, note: p.text },
    }));
    await workbench.callApi('annotations:apply', { docId, layer, ops });
  }
}

/** Tags a word by keyboard and types a hostile note into the inspector, as an analyst would. */
async function noteThroughUi(workbench: WorkbenchPage, payload: Payload): Promise<void> {
  await workbench.selectText('Paragraph');
  await workbench.pressLabel('1');
  await workbench.inspector.getByRole('textbox', { name: 'Note' }).fill(payload.text);
  await workbench.page
    .getByTestId('save-status')
    .filter({ hasText: 'All changes saved' })
    .waitFor({ timeout: STEP_MS });
}

async function importHostileNames(workbench: WorkbenchPage, list: readonly Payload[]): Promise<void> {
  const files = list
    .filter((p) => !p.text.includes('/'))
    .map((p, i) => ({
      name: `${p.text}${i % 4 === 3 ? '.docx' : '.md'}`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`# ${p.text}\n\nImported by name ${p.n}.`),
    }));
  await workbench.importFiles(files);
  await workbench.page.locator('.notice').first().waitFor({ timeout: STEP_MS });
}

/** Opens every document (or `limit` of them), shows a few spans in the inspector, and colleagues' layers. */
async function visitDocuments(
  workbench: WorkbenchPage,
  view: WorkspaceView,
  limit: number,
  visited: (n: number) => void,
): Promise<void> {
  const page = workbench.page;
  const damaged = new Set(view.problems.map((p) => p.file));
  const documents = view.documents.filter((d) => !damaged.has(`documents/${d.id}.json`)).slice(0, limit);
  const filter = page.getByRole('searchbox', { name: 'Filter by title or metadata' });
  for (const doc of documents) {
    // The list is virtual (only rows near the open one are drawn), so each is found through the filter.
    await filter.fill(doc.title);
    await workbench.documentList
      .getByRole('button')
      .filter({ hasText: doc.title })
      .first()
      .click({ timeout: STEP_MS });
    await waitForTitle(page, doc.title);
    const rows = await workbench.spanRows().all();
    for (const row of rows.slice(0, 3)) await row.click();
    for (const toggle of await page.locator('.layer-switcher input:not([disabled])').all())
      await toggle.check();
    visited(1);
  }
  await filter.fill('');
}

/** The export dialog lists every layer (colleagues' names) and label; exports in a few formats, the open one too. */
async function exportDialog(workbench: WorkbenchPage): Promise<void> {
  const page = workbench.page;
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.waitFor({ timeout: STEP_MS });
  /** Exports and waits for the status that says so; a refusal shown instead is named. */
  const exported = async (what: string, status: string): Promise<void> => {
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const done = dialog.getByRole('status').filter({ hasText: status });
    await done.or(dialog.getByRole('alert')).first().waitFor({ timeout: STEP_MS });
    if (!(await done.isVisible()))
      throw new Error(`${what}: ${await dialog.getByRole('alert').first().textContent()}`);
  };
  for (const format of [/Tagwright package/, /brat/, /doccano/]) {
    await dialog.getByRole('radio', { name: format }).check();
    await exported(String(format), 'Exported');
  }
  // One document alone: the download is named after its (hostile) title.
  await dialog.getByRole('radio', { name: 'The open document' }).check();
  await exported('the open document', 'Exported 1 documents');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
}

/** A colleague's hostile doccano file through the import dialog: preview (titles, additions, warnings), import. */
async function importDialog(
  workbench: WorkbenchPage,
  file: Planted['annotatedFile'],
  layer: string,
): Promise<void> {
  const page = workbench.page;
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByLabel('Format').selectOption('doccano');
  await dialog.getByLabel('Into the layer of (analyst name)').fill(layer);
  await dialog
    .getByLabel('Files (or a .zip)')
    .setInputFiles({ name: file.name, mimeType: 'application/jsonl', buffer: file.bytes });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const previewed = dialog.getByRole('region', { name: 'Import preview' }).or(dialog.getByRole('alert'));
  await previewed.first().waitFor({ timeout: STEP_MS });
  if (await dialog.getByRole('region', { name: 'Import preview' }).isVisible()) {
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const reported = dialog.getByRole('region', { name: 'Import report' }).or(dialog.getByRole('alert'));
    await reported.first().waitFor({ timeout: STEP_MS });
  }
  await dialog
    .getByRole('button', { name: /^(Close|Cancel)$/ })
    .last()
    .click();
}

export interface WalkOptions {
  url: string;
  list: readonly Payload[];
  planted: Planted;
  /** How many documents to open (all in the full campaign). */
  documentLimit: number;
  visited: (n: number) => void;
}

/** Runs one step of the walk; a failure says which step stopped it. */
async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The working-day screens (day-screens.ts), each a step of its own, on the first text with frames planted. */
async function workingDay(
  workbench: WorkbenchPage,
  { list, planted }: WalkOptions,
  layer: string,
  openFirstText: () => Promise<void>,
): Promise<void> {
  const page = workbench.page;
  const payload = (n: number): Payload => list[n % list.length] as Payload;
  await step('frames planted through the API', async () => {
    await framesThroughApi(workbench, planted.textDocIds[0] ?? '', layer, list);
    await page.reload();
    await workbench.documentText.waitFor({ timeout: STEP_MS });
    await openFirstText();
  });
  await step('the frames panel, claims table and actors', () => frameScreens(workbench));
  await step('the suggestions panel', () => suggestionScreens(workbench));
  await step('the review screen, comments and agreement', () =>
    reviewScreens(workbench, colleagueLayers(planted), payload(3).text),
  );
  await step('corpus search and hits as suggestions', () => searchScreens(workbench));
  await step('the command palette', () => paletteScreens(page));
  await step('the document queue, details and a rename', () =>
    queueScreens(workbench, payload(4), fit(payload(5), 200)),
  );
  await step('settings and the shortcuts sheet', () => settingsScreens(page));
  // The steps after these export the open document, which must be the one with the analyst's tags.
  await step('back to the first text', openFirstText);
}

export async function walkScreens(page: Page, options: WalkOptions): Promise<void> {
  const workbench = new WorkbenchPage(page);
  const { list, planted } = options;
  let view: WorkspaceView | null = null;
  await step('first run', async () => {
    await workbench.open(options.url);
    // The planted workspace already has analysts named by every payload; a name that is taken is (rightly)
    // refused without an explicit "Continue as", so the analyst here is a new hostile name.
    await page
      .getByRole('textbox', { name: 'Your name' })
      .fill(`me ${fit(list[list.length - 1] as Payload, 76)}`);
    await page.getByRole('button', { name: 'Start tagging' }).click();
    await workbench.documentText.waitFor({ timeout: STEP_MS });
    view = await workbench.callApi<WorkspaceView>('workspace:get', {});
  });
  const first = view as unknown as WorkspaceView;
  await step('notes through the API', async () => {
    await notesThroughApi(workbench, planted, list, first.localAnnotator?.id ?? '');
    await page.reload();
    await workbench.documentText.waitFor({ timeout: STEP_MS });
  });
  // Found through the queue's filter: the list is virtual, so a row far from the open one is not drawn.
  const openFirstText = async () => {
    const title = first.documents.find((d) => d.id === planted.textDocIds[0])?.title ?? '';
    const filter = page.getByRole('searchbox', { name: 'Filter by title or metadata' });
    await filter.fill(title);
    await workbench.documentList.getByRole('button').first().click({ timeout: STEP_MS });
    await waitForTitle(page, title);
    await filter.fill('');
  };
  await step('a note typed in the inspector', async () => {
    await openFirstText();
    await noteThroughUi(workbench, list[1] ?? (list[0] as Payload));
  });
  await workingDay(workbench, options, first.localAnnotator?.id ?? '', openFirstText);
  await step('hostile file names imported', () =>
    importHostileNames(workbench, list.slice(0, options.documentLimit < 50 ? 6 : 24)),
  );
  await step('the export dialog', () => exportDialog(workbench));
  await step('the import dialog', () =>
    importDialog(workbench, planted.annotatedFile, fit(list[2] ?? (list[0] as Payload), 80)),
  );
  await step('every document', async () => {
    await page.reload();
    await workbench.documentText.waitFor({ timeout: STEP_MS });
    const after = await workbench.callApi<WorkspaceView>('workspace:get', {});
    await visitDocuments(workbench, after, options.documentLimit, options.visited);
  });
}
