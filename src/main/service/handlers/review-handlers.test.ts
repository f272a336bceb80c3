// Review requests that cannot be answered as asked (src/main): a figure address the metric cannot have, or a
// document that is not there, is refused as the caller's mistake and named, never an internal error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, WorkspaceView } from '@shared/api';
import { base64, tempWorkbench, valueOf } from '../test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
let docId: string;
beforeEach(async () => {
  wb = await tempWorkbench();
  valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
  const text = 'Erdogan said the border stays closed.';
  const report = valueOf<ImportReport>(
    await wb.dispatch('documents:import', { files: [{ name: 'a.txt', dataBase64: base64(text) }] }),
  );
  docId = report.imported[0]!.id;
  const span = { id: 's1', label: 'actor', start: 0, end: 7 };
  valueOf(
    await wb.dispatch('annotations:apply', { docId, layer: 'dana', ops: [{ kind: 'add-span', span }] }),
  );
});
afterEach(async () => wb.cleanup());

describe('review:disagreements', () => {
  it('refuses a pairwise metric over three layers as an invalid request naming the metric', async () => {
    const address = { metric: 'spanExact', layers: ['dana', 'gold', 'lee'] };
    const result = await wb.dispatch('review:disagreements', { address });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('spanExact compares two layers') },
    });
  });

  it('answers not-found for a document that is not there, or not worked on in every layer', async () => {
    for (const documentId of ['constructor', docId]) {
      const address = { metric: 'spanExact', layers: ['dana', 'lee'], documentId };
      const result = await wb.dispatch('review:disagreements', { address });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: expect.stringContaining(`"${documentId}"`) },
      });
    }
  });

  it('refuses a layer listed twice as an invalid request, here and for review:agreement', async () => {
    const layers = ['constructor', 'constructor', 'dana'];
    const answers = [
      await wb.dispatch('review:disagreements', { address: { metric: 'fleissKappa', layers } }),
      await wb.dispatch('review:agreement', { layers: ['dana', 'dana'], labels: [] }),
    ];
    for (const result of answers)
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining('listed twice') },
      });
  });
});
