// Imports are parsed on a worker thread: the service keeps answering while a slow file is parsed, and a file
// whose parse exceeds the time budget is refused by name while the rest of the request is imported.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport, WorkspaceView } from '@shared/api';
import { base64, tempWorkbench, valueOf } from './test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>> | null = null;
afterEach(async () => {
  await wb?.cleanup();
  wb = null;
});

/** An HTML page of a few MiB whose parse takes seconds on this machine. */
const slowPage = (): string => '<p>Some <b>words</b> here &amp; there</p>\n'.repeat(150_000);

describe('importing on a worker thread', () => {
  it('answers workspace:get within 1 s while a slow import is parsed', async () => {
    wb = await tempWorkbench();
    // A first import starts the worker thread, so its start-up is not part of the measurement.
    await wb.dispatch('documents:import', { files: [{ name: 'warm.txt', dataBase64: base64('Warm up.') }] });
    const started = performance.now();
    const importing = wb.dispatch('documents:import', {
      files: [{ name: 'big.html', dataBase64: base64(slowPage()) }],
    });
    const view = valueOf<WorkspaceView>(await wb.dispatch('workspace:get', {}));
    const answeredAfter = performance.now() - started;
    const report = valueOf<ImportReport>(await importing);
    const importedAfter = performance.now() - started;
    expect(view.documents.map((d) => d.title)).toEqual(['warm']);
    expect(answeredAfter).toBeLessThan(1000);
    expect(report.imported.map((d) => d.title)).toEqual(['big']);
    expect(importedAfter).toBeGreaterThan(answeredAfter);
  });

  it('refuses a file whose parse exceeds the budget, naming it, and imports the others', async () => {
    wb = await tempWorkbench(false, { importBudgetMs: 100 });
    await wb.dispatch('documents:import', { files: [{ name: 'warm.txt', dataBase64: base64('Warm up.') }] });
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', {
        files: [
          { name: 'big.html', dataBase64: base64(slowPage()) },
          { name: 'small.txt', dataBase64: base64('Small text.') },
        ],
      }),
    );
    expect(report.rejected).toEqual([
      {
        file: 'big.html',
        message:
          'reading the file took longer than 0.1 s, so it was stopped; split it into smaller files or ' +
          'check that it is what it claims to be',
      },
    ]);
    expect(report.imported.map((d) => d.title)).toEqual(['small']);
  });
});
