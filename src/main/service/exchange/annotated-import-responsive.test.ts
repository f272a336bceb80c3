// An annotated import is read, placed and checked on the worker thread (plan-placement.ts), and the store
// checks and writes its documents in slices (sliced-document.ts), so the service keeps answering meanwhile. Measured relative to the import itself in the same run, not against a fixed
// figure: the machine the suite runs on may be loaded (the reliability campaign holds the 1 s figure).
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '@shared/api';
import { base64, tempWorkbench, valueOf } from '../test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>> | null = null;
afterEach(async () => {
  await wb?.cleanup();
  wb = null;
});

/**
 * Asks for the workspace every 5 ms until `done` settles; returns the longest wait of one request, from the
 * moment it was due (a request arriving in a blocked main thread waits for the block as well) to its answer.
 */
async function longestPing(bench: NonNullable<typeof wb>, done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.finally(() => (settled = true));
  let longest = 0;
  while (!settled) {
    const due = performance.now() + 5;
    await new Promise((resolve) => setTimeout(resolve, 5));
    valueOf<WorkspaceView>(await bench.dispatch('workspace:get', {}));
    longest = Math.max(longest, performance.now() - due);
  }
  return longest;
}

const bratRequest = (lines: number, taskId: string, layer = 'Ren') => ({
  format: 'brat',
  layer,
  taskId,
  files: [
    {
      name: 'ren/many.ann',
      dataBase64: base64(Array.from({ length: lines }, (_, i) => `T${i + 1}\tactor 0 3\tAli`).join('\n')),
    },
    { name: 'ren/many.txt', dataBase64: base64('Ali met Bea.') },
  ],
});

describe('an annotated import of many spans', () => {
  it('keeps the longest wait of a request far below the time the preview takes', async () => {
    wb = await tempWorkbench();
    valueOf(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
    // A small preview first starts the worker thread, so its start-up is not part of the measurement.
    valueOf(await wb.dispatch('import:preview', bratRequest(1, 'warm-up-task')));
    const started = performance.now();
    const preview = wb.dispatch('import:preview', bratRequest(40_000, 'big-preview-task'));
    const longest = await longestPing(wb, preview);
    const took = performance.now() - started;
    const report = valueOf<{ totals: { added: number } }>(await preview);
    expect(report.totals.added).toBe(40_000);
    // Placing and checking 40,000 spans on the main thread blocked it for most of the preview.
    expect(longest).toBeLessThan(took / 4);
  });
});

describe('committing an annotated import of many spans', () => {
  it('keeps the longest wait of a request far below the time the commit takes, new document or not', async () => {
    wb = await tempWorkbench();
    valueOf(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
    valueOf(await wb.dispatch('import:preview', bratRequest(1, 'warm-up-task')));
    // The first commit creates the document; the second puts a second layer into it (an update).
    for (const layer of ['Ren', 'Sam']) {
      const started = performance.now();
      const commit = wb.dispatch('import:commit', bratRequest(40_000, `commit-${layer}`, layer));
      const longest = await longestPing(wb, commit);
      const took = performance.now() - started;
      const report = valueOf<{ totals: { added: number } }>(await commit);
      expect(report.totals.added).toBe(40_000);
      // Checking and serialising the 40,000-span document in one block held requests for a quarter of it.
      expect(longest).toBeLessThan(took / 10);
    }
    const [summary] = wb.store.documents();
    expect(Object.keys(summary?.spanCounts ?? {}).sort()).toEqual(['ren', 'sam']);
  });
});
