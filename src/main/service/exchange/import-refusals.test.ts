// Annotated imports that must be refused, or must come in whole (found by the malformed-imports campaign of
// `npm run reliability`): every refusal names the file and, where the file has lines, the line; a preview never
// promises what the commit then refuses; and nothing of a refused import is written.
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, WorkspaceView } from '@shared/api';
import { base64, tempWorkbench, valueOf } from '../test-support';

type Bench = Awaited<ReturnType<typeof tempWorkbench>>;
const benches: Bench[] = [];
afterEach(async () => {
  await Promise.all(benches.splice(0).map((b) => b.cleanup()));
});

async function bench(): Promise<Bench> {
  const wb = await tempWorkbench();
  benches.push(wb);
  valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
  return wb;
}

const request = (format: string, layer: string, files: Record<string, string | Uint8Array>) => ({
  format,
  layer,
  files: Object.entries(files).map(([name, content]) => ({
    name,
    dataBase64: typeof content === 'string' ? base64(content) : Buffer.from(content).toString('base64'),
  })),
});

const doccanoLine = (text: string, label = 'actor') =>
  JSON.stringify({ text, entities: [{ id: 1, label, start_offset: 0, end_offset: 6 }], relations: [] });

/** The refusal's message and the line it names, for a request that must be refused. */
function refusal(result: Result<unknown>): { message: string; line: unknown } {
  if (result.ok) throw new Error('the import was not refused');
  return { message: result.error.message, line: (result.error.details as { line?: unknown })?.line };
}

describe('a file that is not UTF-8 text', () => {
  it('is refused naming the file and the line of the first bad byte', async () => {
    const wb = await bench();
    const lines = [doccanoLine('Ankara and Moscow met.'), doccanoLine('Damascus was silent.')];
    const bytes = Buffer.concat([
      Buffer.from(`${lines.join('\n')}\n{"text":"Yaşar`),
      Buffer.from([0xff, 0x22, 0x7d]),
    ]);
    const result = await wb.dispatch('import:preview', request('doccano', 'Ren', { 'ren.jsonl': bytes }));
    expect(refusal(result)).toMatchObject({ line: 3 });
    expect(refusal(result).message).toMatch(/^ren\.jsonl, line 3: not valid UTF-8/);
  });

  it('is refused naming the line of a NUL byte, inside a zip too', async () => {
    const wb = await bench();
    const { zipSync } = await import('fflate');
    const ann = Buffer.from('T1\tactor 0 6\tAnkara\nT2\tactor 11 17\tMos\u0000ow\n');
    const zip = zipSync({ 'lee/a.ann': ann, 'lee/a.txt': Buffer.from('Ankara and Moscow met.') });
    const result = await wb.dispatch('import:commit', request('brat', 'Ren', { 'pkg.zip': zip }));
    expect(refusal(result)).toMatchObject({ line: 2 });
    expect(refusal(result).message).toMatch(/^lee\/a\.ann, line 2: the file looks binary/);
    expect(wb.store.documents()).toEqual([]);
  });
});
