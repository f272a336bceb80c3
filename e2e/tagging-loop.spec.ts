// The tagging loop without traps: each test is one trap an analyst hit (notes lost on navigation, a label key
// relabelling an unseen span, overlaps drawn wrongly, undo lost on switching, late answers, focus lost, the
// list not following n/p, a misleading save status, cross-paragraph spans, the announcer).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readDiskDocument } from './support/disk';

const SAMPLE = 'astana 22 turkey syria';

async function focusedSpanQuote(page: Page): Promise<string | null> {
  const region = page.getByRole('region', { name: 'Selected span' });
  return (await region.count()) === 0 ? null : region.getByRole('blockquote').innerText();
}

test('a note typed in the inspector survives Alt+ArrowDown at once, and a reload at once', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.importText('second.txt', 'A second article about Ankara.');
  await workbench.openDocument(SAMPLE);
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.inspector.getByRole('textbox', { name: 'Note' }).fill('Russian envoy; check the title.');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { level: 1, name: 'second' })).toBeVisible();
  await workbench.expectSaved();
  let doc = await readDiskDocument(host.workspace, SAMPLE);
  expect(doc.layers['dana']!.spans[0]!.note).toBe('Russian envoy; check the title.');

  await workbench.openDocument(SAMPLE);
  await workbench.selectText('Lavrentiev', 1);
  await workbench.pressLabel('3');
  await workbench.inspector.getByRole('textbox', { name: 'Note' }).pressSequentially('said twice');
  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  await expect
    .poll(async () =>
      (await readDiskDocument(host.workspace, SAMPLE)).layers['dana']!.spans.map((s) => s.note),
    )
    .toContain('said twice');
  doc = await readDiskDocument(host.workspace, SAMPLE);
  expect(doc.layers['dana']!.spans).toHaveLength(2);
});

test('moving the caret out of the selected span deselects it, so a label key tags the word at the caret', async ({
  page,
  workbench,
}) => {
  await workbench.selectText('Damascus insists');
  await workbench.pressLabel('3');
  expect(await focusedSpanQuote(page)).toBe('Damascus insists');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focusedSpanQuote(page)).toBeNull();
  await page.keyboard.press('1');
  expect(await workbench.spansInPanel()).toEqual(['Actor: Damascus insists', 'Claim: that']);
});

test('a label key never relabels a selected span that has scrolled out of view', async ({
  page,
  workbench,
}) => {
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.documentText.evaluate((el) =>
    el.parentElement!.scrollTo(0, el.parentElement!.scrollHeight),
  );
  await expect(workbench.decorated('actor').first()).not.toBeInViewport();
  await page.keyboard.press('1');
  await expect(page.getByRole('alert')).toContainText('out of view');
  expect(await workbench.spansInPanel()).toEqual(['Actor: Alexander Lavrentiev']);
});

test('partly overlapping spans each keep their own line over the words they share', async ({ workbench }) => {
  await workbench.selectText('Turkey withdraw its forces as a precondition');
  await workbench.pressLabel('1');
  await workbench.selectText('as a precondition for a meeting between Assad and Erdogan');
  await workbench.pressLabel('2');
  const shared = workbench.documentText.locator('[data-labels~="claim"][data-labels~="condition"]');
  await expect(shared).toHaveText('as a precondition');
  const classes = (await shared.getAttribute('class')) ?? '';
  const track = (label: string) =>
    /tw-u(\d)-/.exec(classes.split(' ').find((c) => c.endsWith(`-${label}`)) ?? '')?.[1];
  expect(track('claim')).toMatch(/^\d$/);
  expect(track('condition')).toMatch(/^\d$/);
  expect(track('claim')).not.toBe(track('condition'));
  // Each span's own part still shows its line: the claim before the overlap, the condition after it.
  await expect(workbench.documentText.locator('[data-labels="claim"]')).toHaveText(
    'Turkey withdraw its forces ',
  );
  await expect(workbench.documentText.locator('[data-labels="condition"]')).toHaveText(
    ' for a meeting between Assad and Erdogan',
  );
});

test('undo history is kept per document while switching documents', async ({ page, workbench }) => {
  await workbench.importText('second.txt', 'A second article about Ankara.');
  await workbench.openDocument(SAMPLE);
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { level: 1, name: 'second' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible();
  await page.keyboard.press('Control+z');
  await workbench.expectSpanCount(0);
  await workbench.expectSaved();
});

test('switching documents quickly never shows one document with another one’s answer', async ({
  page,
  workbench,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  for (const [name, text] of [
    ['b.txt', 'Second text, short.'],
    ['c.txt', 'Third text.'],
    ['d.txt', 'Fourth.'],
  ] as const) {
    await workbench.importText(name, text);
  }
  await workbench.openDocument(SAMPLE);
  await workbench.documentText.focus();
  for (const key of [
    'Alt+ArrowDown',
    'Alt+ArrowDown',
    'Alt+ArrowDown',
    'Alt+ArrowUp',
    'Alt+ArrowUp',
    'Alt+ArrowUp',
  ]) {
    await page.keyboard.press(key);
  }
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible();
  await expect(workbench.documentText).toContainText('Russian Special Envoy');
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  expect(await workbench.spansInPanel()).toEqual(['Actor: Alexander Lavrentiev']);
  expect(problems).toEqual([]);
});

test('after Ctrl+Enter in the note or Delete span, the keyboard is back in the text', async ({
  page,
  workbench,
}) => {
  const focusIsInText = () =>
    page.evaluate(
      () => document.activeElement?.closest('.tw-document') !== null && document.activeElement !== null,
    );
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  const note = workbench.inspector.getByRole('textbox', { name: 'Note' });
  await note.fill('envoy');
  await note.press('Control+Enter');
  expect(await focusIsInText()).toBe(true);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()?.toString().length ?? 0)).toBeGreaterThan(0);
  // The selection left the span, so it was deselected; n selects it again.
  await page.keyboard.press('n');
  await workbench.inspector.getByRole('button', { name: 'Delete span' }).click();
  await workbench.expectSpanCount(0);
  expect(await focusIsInText()).toBe(true);
});

test('the span list keeps the span selected with n and p in view', async ({ page, workbench }) => {
  const doc = await workbench.callApi<{ id: string; text: string }>('document:get', {
    docId: (await workbench.callApi<{ documents: { id: string }[] }>('workspace:get', {})).documents[0]!.id,
  });
  const words = [...doc.text.matchAll(/\p{Lu}\p{L}+/gu)].slice(0, 60);
  await workbench.callApi('annotations:apply', {
    docId: doc.id,
    layer: 'dana',
    ops: words.map((m, i) => ({
      kind: 'add-span',
      span: { id: `w${i}`, label: 'actor', start: m.index!, end: m.index! + m[0].length },
    })),
  });
  await page.reload();
  await workbench.expectSpanCount(60);
  await workbench.documentText.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('n');
  const selected = workbench.spanList.getByRole('option', { selected: true });
  await expect(selected).toHaveText(new RegExp(words[39]![0]));
  await expect(selected).toBeInViewport();
  await page.keyboard.press('p');
  await expect(workbench.spanList.getByRole('option', { selected: true })).toHaveText(
    new RegExp(words[38]![0]),
  );
});

test('after a reload the status says the truth: all changes are saved', async ({ page, workbench }) => {
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.expectSaved();
  await page.reload();
  await expect(workbench.documentText).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

for (const width of [700, 600]) {
  test(`at ${width} px wide the text keeps a readable column and nothing overflows`, async ({
    page,
    workbench,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const box = await workbench.documentText.boundingBox();
    expect(box!.width).toBeGreaterThan(width * 0.7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: /^Documents/ }).click();
    await expect(workbench.documentList).toBeVisible();
    await workbench.documentList.getByRole('button', { name: new RegExp(SAMPLE) }).click();
    await expect(workbench.documentList).toBeHidden();
    await page.screenshot({ path: `test-results/narrow-${width}.png` });
  });
}

test('the inspector names the analyst, not their id', async ({ workbench }) => {
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await expect(workbench.inspector).toContainText('by Dana');
  await expect(workbench.inspector).not.toContainText('by dana');
});

test('a span may cross a paragraph break, and the break shows that it goes on', async ({
  host,
  workbench,
}) => {
  await workbench.selectText('to all Syrians.\nOn Wednesday');
  await workbench.pressLabel('1');
  await workbench.expectSaved();
  await expect(workbench.documentText.locator('.tw-continues')).toHaveCount(1);
  const doc = await readDiskDocument(host.workspace, SAMPLE);
  expect(doc.layers['dana']!.spans[0]!.quote).toBe('to all Syrians.\nOn Wednesday');
});

test('the loop is accessible: focus ring, announcements, one Tab stop for the list, readable disabled buttons', async ({
  page,
  workbench,
}) => {
  await expect(page.getByRole('region', { name: 'How to tag' })).toBeVisible();
  await workbench.documentText.focus();
  const ring = await page.locator('.document-scroll').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await workbench.selectText('Turkish Defense Minister Yaşar Güler');
  await workbench.pressLabel('3');
  await expect(page.getByTestId('announcer')).toHaveText('Actor: Turkish Defense Minister Yaşar Güler');
  await workbench.selectText('Alexander Lavrentiev');
  await workbench.pressLabel('3');
  await workbench.spanList.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('option');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="listbox"]'))).toBeNull();
  const contrast = await page.getByRole('button', { name: 'Redo' }).evaluate((button) => {
    const rgb = (value: string) => value.match(/\d+/g)!.slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const style = getComputedStyle(button);
    const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  expect(contrast).toBeGreaterThanOrEqual(4.5);
  const guidelines = page.getByText('Guidelines', { exact: true });
  await guidelines.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/A qualification under which a claim holds/)).toBeVisible();
});
