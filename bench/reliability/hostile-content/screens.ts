// The analyst's walk through every screen that shows planted content (bench/reliability, Node only), in
// Chromium against the built host: first run with a hostile name, notes typed in the inspector and sent
// through the API, hostile file names imported through the file picker, every document opened, span rows and
// colleagues' layers shown. Uses the end-to-end tests' page object, so it finds controls the way they do.
import type { Page } from '@playwright/test';
import type { WorkspaceView } from '@shared/api';
import { WorkbenchPage } from '../../../e2e/support/workbench-page';
import type { Planted } from './plant';
import { fit, type Payload } from './payloads';

const STEP_MS = 10_000;

async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('h1.document-heading')?.textContent === expected,
    title,
    { timeout: STEP_MS },
  );
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
  for (const doc of documents) {
    await workbench.documentList.getByRole('button').nth(view.documents.indexOf(doc)).click();
    await waitForTitle(page, doc.title);
    const rows = await workbench.spanRows().all();
    for (const row of rows.slice(0, 3)) await row.click();
    for (const toggle of await page.locator('.layer-switcher input:not([disabled])').all())
      await toggle.check();
    visited(1);
  }
}

export interface WalkOptions {
  url: string;
  list: readonly Payload[];
  planted: Planted;
  /** How many documents to open (all in the full campaign). */
  documentLimit: number;
  visited: (n: number) => void;
}

export async function walkScreens(page: Page, options: WalkOptions): Promise<void> {
  const workbench = new WorkbenchPage(page);
  const { list, planted } = options;
  await workbench.open(options.url);
  await page.getByRole('textbox', { name: 'Your name' }).fill(fit(list[list.length - 1] as Payload, 80));
  await page.getByRole('button', { name: 'Start tagging' }).click();
  await workbench.documentText.waitFor({ timeout: STEP_MS });
  const view = await workbench.callApi<WorkspaceView>('workspace:get', {});
  await notesThroughApi(workbench, planted, list, view.localAnnotator?.id ?? '');
  await page.reload();
  await workbench.documentText.waitFor({ timeout: STEP_MS });
  const firstText = view.documents.find((d) => d.id === planted.textDocIds[0]);
  await workbench.documentList
    .getByRole('button')
    .nth(view.documents.indexOf(firstText ?? view.documents[0]!))
    .click();
  await waitForTitle(page, firstText?.title ?? '');
  await noteThroughUi(workbench, list[1] ?? (list[0] as Payload));
  await importHostileNames(workbench, list.slice(0, options.documentLimit < 50 ? 6 : 24));
  await page.reload();
  await workbench.documentText.waitFor({ timeout: STEP_MS });
  const after = await workbench.callApi<WorkspaceView>('workspace:get', {});
  await visitDocuments(workbench, after, options.documentLimit, options.visited);
}
