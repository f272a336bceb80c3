// Page object for the workbench (e2e): finds controls by role and accessible name, the way an analyst
// (or a screen reader) sees them, and hides the DOM details of selecting text in the document view.
import { expect, type Locator, type Page } from '@playwright/test';

export class WorkbenchPage {
  readonly documentText: Locator;
  readonly saveStatus: Locator;
  readonly spanList: Locator;
  readonly documentList: Locator;

  constructor(readonly page: Page) {
    this.documentText = page.getByRole('textbox', { name: 'Document text' });
    this.saveStatus = page.getByTestId('save-status');
    this.spanList = page.getByRole('listbox', { name: 'Spans in text order' });
    this.documentList = page.getByRole('navigation', { name: 'Documents' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async completeFirstRun(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await this.page.getByRole('button', { name: 'Start tagging' }).click();
    await expect(this.documentText).toBeVisible();
  }

  async openDocument(title: string): Promise<void> {
    await this.documentList.getByRole('button', { name: new RegExp(escapeRegExp(title)) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async importFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(files);
  }

  /** Puts the caret at the start of the document and extends the selection with Shift+ArrowRight. */
  async selectWithKeyboard(graphemesBefore: number, graphemesToSelect: number): Promise<void> {
    await this.documentText.focus();
    await this.page.keyboard.press('Control+Home');
    for (let i = 0; i < graphemesBefore; i++) await this.page.keyboard.press('ArrowRight');
    for (let i = 0; i < graphemesToSelect; i++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  /** Selects the `occurrence`-th appearance of `text` as a mouse drag would (a DOM selection, on screen). */
  async selectText(text: string, occurrence = 0): Promise<void> {
    await this.documentText.evaluate(
      (root, { text, occurrence }) => {
        const nodes: { node: Text; start: number }[] = [];
        let full = '';
        root.querySelectorAll('p').forEach((paragraph, index) => {
          if (index > 0) full += '\n';
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            nodes.push({ node: node as Text, start: full.length });
            full += (node as Text).data;
          }
        });
        let at = -1;
        for (let i = 0; i <= occurrence; i++) at = full.indexOf(text, at + 1);
        if (at < 0) throw new Error(`"${text}" is not in the document`);
        const locate = (offset: number, preferEnd: boolean) => {
          const hit = nodes.find(
            (n) =>
              offset >= n.start &&
              (preferEnd ? offset <= n.start + n.node.data.length : offset < n.start + n.node.data.length),
          );
          if (hit === undefined) throw new Error(`offset ${offset} not found`);
          return { node: hit.node, offset: offset - hit.start };
        };
        const from = locate(at, false);
        const to = locate(at + text.length, true);
        // What a mouse drag selects is on screen (and the text draws spans only near the screen).
        from.node.parentElement?.scrollIntoView({ block: 'nearest' });
        (root as HTMLElement).focus();
        window.getSelection()!.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
      },
      { text, occurrence },
    );
    // No wait needed: every command reads the selection from the DOM when it runs (DocumentEditor.transact).
  }

  /** Imports one plain-text file and waits for the import report. */
  async importText(name: string, text: string): Promise<void> {
    await this.importFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(text) }]);
    await expect(this.page.getByRole('status').filter({ hasText: /Imported 1 document/ })).toBeVisible();
  }

  /** Puts the caret just after the first occurrence of `text` (selects it, then collapses to its end). */
  async placeCaretAfter(text: string): Promise<void> {
    await this.selectText(text);
    await this.page.keyboard.press('ArrowRight');
  }

  /** Calls the host's API from the page, with the tab's own token (for setting up large cases quickly). */
  async callApi<T>(method: string, body: unknown): Promise<T> {
    return this.page.evaluate(
      async ({ method, body }) => {
        const token = sessionStorage.getItem('tagwright.token') ?? '';
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-tagwright-token': token },
          body: JSON.stringify(body),
        });
        const result = (await response.json()) as {
          ok: boolean;
          value?: unknown;
          error?: { message: string };
        };
        if (!result.ok) throw new Error(result.error?.message ?? 'API call failed');
        return result.value as T;
      },
      { method, body },
    );
  }

  async pressLabel(hotkey: string): Promise<void> {
    await this.page.keyboard.press(hotkey);
  }

  spanRows(): Locator {
    return this.spanList.getByRole('option');
  }

  /**
   * Waits for the span list to catch up: it renders after the text's frame (hooks/use-store-after-paint.ts),
   * in a task queued before this one's, so one frame and one task later it shows every change made so far.
   */
  async panelsSettled(): Promise<void> {
    await this.page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
    );
  }

  /** The label and quote of every span in the side panel, in text order. */
  async spansInPanel(): Promise<string[]> {
    // After a reload or an opening the side panel's code may still be loading (it is a chunk of its own).
    await expect(this.page.locator('.span-panel .span-count')).toBeVisible();
    await this.panelsSettled();
    const rows = await this.spanRows().all();
    return Promise.all(
      rows.map(async (row) => {
        const label = await row.locator('.span-row-label').innerText();
        const quote = await row.locator('.span-row-quote').innerText();
        return `${label}: ${quote}`;
      }),
    );
  }

  /** "shown of total spans" under the span filter (the list itself only renders the rows on screen). */
  async expectSpanCount(shown: number, total = shown): Promise<void> {
    await expect(this.page.getByText(`${shown} of ${total} spans`, { exact: true })).toBeVisible();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText('All changes saved');
  }

  /** The runs of text drawn for spans of a label (a span is one run or several where others overlap it). */
  decorated(label: string): Locator {
    return this.documentText.locator(`[data-labels~="${label}"]`);
  }

  /** The selected span's details. */
  get inspector(): Locator {
    return this.page.getByRole('region', { name: 'Selected span' });
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
