// Export throughput (bench/, in-process) against `JSON.stringify` of the same document records, over the
// first documents of the corpus workspace. Export formats arrive with the export issue: each one registered
// in EXPORTERS gets its row (target ≥ 50 % of JSON.stringify). Until then the row measures what exists: the
// native JSON a client gets from `document:get` (the record read through the dispatcher, then serialized).
import type { DocId } from '@shared/model';
import { corpusWorkspace, FULL_CORPUS, QUICK_CORPUS } from './lib/fixture-workspaces';
import { ratioAtLeast, row, type Row, type SuiteResult } from './lib/report';
import { sample, sampleSync } from './lib/stats';
import { existingWorkbench, type BenchWorkbench } from './lib/workbench';

const MB = 1024 * 1024;
const DOCUMENTS = 100;

export interface Exporter {
  name: string;
  /** Exports the documents and returns the bytes or text written. */
  run(wb: BenchWorkbench, docIds: readonly DocId[]): Promise<Uint8Array | string>;
}

/** Native JSON as the hosts send it today: each record from `document:get`, serialized. */
const nativeJson: Exporter = {
  name: 'native JSON (document:get + serialize)',
  async run(wb, docIds) {
    const parts: string[] = [];
    for (const docId of docIds) parts.push(JSON.stringify(await wb.call('document:get', { docId })));
    return parts.join('\n');
  },
};

/** Wire the export issue's formats here (`documents:export` or the CLI's export command). */
export const EXPORTERS: readonly Exporter[] = [nativeJson];

const size = (out: Uint8Array | string): number =>
  typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;

export async function runExportBench(quick: boolean): Promise<SuiteResult> {
  const corpus = await corpusWorkspace(quick ? QUICK_CORPUS : FULL_CORPUS);
  const wb = await existingWorkbench(corpus.dir);
  try {
    const docIds = wb.store
      .documents()
      .slice(0, DOCUMENTS)
      .map((d) => d.id);
    const records = await Promise.all(docIds.map((docId) => wb.store.readDocument(docId)));
    const jsonMb = Buffer.byteLength(records.map((r) => JSON.stringify(r)).join('\n')) / MB;
    const stringify = sampleSync(5, 1, () => records.map((r) => JSON.stringify(r)).join('\n'));
    const rows: Row[] = [];
    for (const exporter of EXPORTERS) {
      let megabytes = 0;
      const runs = await sample(
        quick ? 2 : 5,
        1,
        async () => (megabytes = size(await exporter.run(wb, docIds)) / MB),
      );
      rows.push(
        row(
          'export',
          `${exporter.name}, ${docIds.length} corpus docs`,
          'MB/s',
          (1000 * megabytes) / runs.median,
          (1000 * jsonMb) / stringify.median,
          'JSON.stringify',
          ratioAtLeast(0.5),
        ),
      );
    }
    return { rows, notes: { [`export: the ${docIds.length} documents as JSON`]: `${jsonMb.toFixed(1)} MB` } };
  } finally {
    await wb.cleanup();
  }
}
