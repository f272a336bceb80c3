// Export throughput of two builds of the app in one run (bench/, Node): `--compare=<ref>` exports the same
// corpus documents through that commit's browser-mode host and through this checkout's (or `--app=<ref>`'s),
// every format by `export:run` and the native JSON by `document:get`, over HTTP as a client calls them. Each
// row is this build's MB/s against the other's (ratio above 1: this build is faster).
import { randomUUID } from 'node:crypto';
import type { AnnotationFormat } from '@shared/formats/annotations';
import { buildRef } from './lib/build-ref';
import type { FixtureWorkspace } from './lib/fixture-workspaces';
import { row, type Row } from './lib/report';
import { sample } from './lib/stats';
import { startBenchHost, type BenchHost } from './renderer/host';

/** One export as measured in-process: its name, the documents and the size of their records as JSON. */
export interface ExportCase {
  name: string;
  /** The format, or null for the native JSON of document:get. */
  format: AnnotationFormat | null;
  docIds: readonly string[];
  jsonMb: number;
}

async function exportOverHttp(host: BenchHost, item: ExportCase): Promise<void> {
  if (item.format === null) {
    for (const docId of item.docIds) await host.call('document:get', { docId: docId as never });
    return;
  }
  await host.call('export:run', {
    format: item.format,
    layers: [],
    labels: [],
    documents: { kind: 'ids', ids: [...item.docIds] },
    destination: 'download',
    taskId: randomUUID(),
  });
}

/** MB/s of every case through one build's host (started on the corpus, stopped after). */
async function throughputs(
  corpus: FixtureWorkspace,
  cases: readonly ExportCase[],
  appRoot: string | undefined,
  quick: boolean,
): Promise<number[]> {
  const host = await startBenchHost({ workspace: corpus.dir, appRoot });
  try {
    const result: number[] = [];
    for (const item of cases) {
      const runs = await sample(quick ? 1 : 2, 1, () => exportOverHttp(host, item));
      result.push((1000 * item.jsonMb) / runs.median);
    }
    return result;
  } finally {
    await host.stop();
  }
}

export async function compareExportBuilds(
  corpus: FixtureWorkspace,
  cases: readonly ExportCase[],
  options: { quick: boolean; compare: string; app?: string },
): Promise<Row[]> {
  const other = await buildRef(options.compare);
  const mine = options.app === undefined ? undefined : (await buildRef(options.app)).root;
  const before = await throughputs(corpus, cases, other.root, options.quick);
  const after = await throughputs(corpus, cases, mine, options.quick);
  return cases.map((item, i) =>
    row(
      'export',
      `${item.name} over HTTP, ${item.docIds.length} corpus docs, vs ${other.sha}`,
      'MB/s',
      after[i]!,
      before[i]!,
      `build ${other.sha}`,
    ),
  );
}
