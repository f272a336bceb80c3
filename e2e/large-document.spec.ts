// The tagging scenario on a 200-page report: the benchmarks' generated 1 MB text with 50,000 spans (nested and
// partly overlapping, Arabic and emoji), loaded through the API. An analyst tags overlapping spans deep in the
// text, moves with n, undoes, filters a label, jumps to the last span from the list and clicks a span: the
// text draws only near the screen, so each of these must still show exactly what it shows in a short text.
import { expect as baseExpect } from '@playwright/test';
import { taggedArticle, tagTargets, FULL_SCALES } from '../bench/lib/scales';
import { test } from './support/fixtures';
import { readDiskDocument } from './support/disk';

/** Every step may wait for a 1 MB save or a long first draw on a busy machine; nothing here is timed. */
const expect = baseExpect.configure({ timeout: 30_000 });
const SCALE = FULL_SCALES.find((s) => s.spans === 50_000)!;
const TITLE = 'report 1mb 50000 spans';

interface Word {
  start: number;
  end: number;
}

/** Nine Latin words in a row of a paragraph that holds no span, deep in the text (about 70 % down). */
function freeWords(text: string): Word[] {
  const { spans } = taggedArticle(SCALE);
  const candidates = tagTargets(text, spans, 40);
  for (const target of candidates.slice(28)) {
    const lineStart = target.start - target.from;
    const lineEnd = text.indexOf('\n', lineStart);
    const paragraph = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const words = [...paragraph.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({
      start: lineStart + m.index,
      end: lineStart + m.index + m[0].length,
      latin: /^[\p{Script=Latin}\p{M}]+$/u.test(m[0]),
    }));
    for (let i = 0; i + 9 <= words.length; i++) {
      const run = words.slice(i, i + 9);
      const span = text.slice(run[0]!.start, run[8]!.end);
      if (run.every((w) => w.latin) && !/[“”"\n]/.test(span)) return run;
    }
  }
  throw new Error('no free paragraph with nine Latin words in a row');
}

function occurrence(text: string, quote: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf(quote); i >= 0 && i < at; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

test('an analyst tags, navigates, undoes and filters in a 1 MB report with 50,000 spans', async ({
  page,
  host,
  workbench,
}) => {
  test.setTimeout(360_000);
  const { text, spans } = taggedArticle(SCALE);
  const imported = await workbench.callApi<{ imported: { id: string }[] }>('documents:import', {
    files: [{ name: 'report-1mb-50000-spans.txt', dataBase64: Buffer.from(text).toString('base64') }],
  });
  const docId = imported.imported[0]!.id;
  for (let i = 0; i < spans.length; i += 5000) {
    const ops = spans.slice(i, i + 5000).map(({ id, label, start, end }) => ({
      kind: 'add-span',
      span: { id, label, start, end },
    }));
    await workbench.callApi('annotations:apply', { docId, layer: 'dana', ops });
  }
  await page.reload();
  // Opened by hand rather than with openDocument: its heading may take longer than the default wait here.
  await workbench.documentList.getByRole('button', { name: new RegExp(`^${TITLE}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await workbench.expectSpanCount(50_000);
  await expect(workbench.documentText.locator('[data-span-ids]').first()).toBeVisible();

  // Deep in the text: a claim of six words, a condition partly overlapping it, an actor inside it.
  const w = freeWords(text);
  const slice = (a: number, b: number) => text.slice(w[a]!.start, w[b]!.end);
  for (const [from, to, key] of [
    [0, 5, '1'],
    [3, 8, '2'],
    [1, 1, '3'],
  ] as const) {
    await workbench.selectText(slice(from, to), occurrence(text, slice(from, to), w[from]!.start));
    await workbench.pressLabel(key);
  }
  await workbench.expectSpanCount(50_003);
  const shared = workbench.documentText.locator('[data-labels~="claim"][data-labels~="condition"]', {
    hasText: slice(3, 5),
  });
  await expect(shared).toHaveText(slice(3, 5));
  await expect(shared).toBeInViewport();
  await workbench.expectSaved();
  const onDisk = (await readDiskDocument(host.workspace, TITLE)).layers['dana']!.spans;
  expect(onDisk).toHaveLength(50_003);
  expect(onDisk.map((s) => s.quote)).toEqual(expect.arrayContaining([slice(0, 5), slice(3, 8), slice(1, 1)]));

  // n moves to the next span in text order (the inspector follows); undo takes the three tags back.
  const inspector = page.getByRole('region', { name: 'Selected span' });
  await page.keyboard.press('n');
  await expect(inspector.getByRole('blockquote')).not.toHaveText(slice(1, 1));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await workbench.expectSpanCount(50_000);
  await expect(shared).toHaveCount(0);
  await workbench.expectSaved();

  // The Show filter hides actors from the list and the text alike, and brings them back.
  const actors = spans.filter((s) => s.label === 'actor').length;
  await page.getByRole('checkbox', { name: /^Actor/ }).uncheck();
  await workbench.expectSpanCount(50_000 - actors, 50_000);
  await expect(workbench.decorated('actor')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^Actor/ }).check();
  await expect(workbench.decorated('actor').first()).toBeVisible();

  // The last span, chosen in the list, is scrolled into view and drawn; a click on its text selects a span
  // covering what was clicked.
  await workbench.spanList.focus();
  await page.keyboard.press('End');
  const last = spans[spans.length - 1]!;
  await expect(inspector.getByRole('blockquote')).toHaveText(text.slice(last.start, last.end));
  const lastRun = workbench.documentText.locator(`[data-span-ids~="${last.id}"]`).first();
  await expect(lastRun).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
  const clicked = await lastRun.innerText();
  await lastRun.click();
  await expect(inspector.getByRole('blockquote')).toContainText(clicked);
});
