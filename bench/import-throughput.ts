// Benchmark 2, import throughput (bench/, in-process): one JSONL file of 500 short articles imported through
// the dispatcher, against the baseline of importing a single article per request (the per-document cost), and
// its bytes per second against `JSON.stringify` of the same records (the floor any JSON-based format pays).
// Each batch run starts from a fresh workspace, so it never sees its own texts as duplicates.
import { generateShortArticles, toJsonl } from './lib/corpus';
import { row, type SuiteResult } from './lib/report';
import { sample, sampleSync, summarize, timeIt, type Samples } from './lib/stats';
import { importText, tempWorkbench } from './lib/workbench';

const MB = 1024 * 1024;

interface Sizes {
  single: number;
  singleWarmup: number;
  batchDocs: number;
  batchRuns: number;
}

const FULL: Sizes = { single: 12, singleWarmup: 2, batchDocs: 500, batchRuns: 3 };
const QUICK: Sizes = { single: 3, singleWarmup: 1, batchDocs: 50, batchRuns: 1 };

async function singleImports(sizes: Sizes): Promise<Samples> {
  const articles = generateShortArticles(sizes.single + sizes.singleWarmup, 11);
  const wb = await tempWorkbench(false);
  try {
    return await sample(sizes.single, sizes.singleWarmup, async (i) => {
      const report = await importText(wb, `single-${i}.jsonl`, toJsonl([articles[i]!]));
      if (report.imported.length !== 1) throw new Error(`article ${i} was not imported`);
    });
  } finally {
    await wb.cleanup();
  }
}

async function batchImports(file: string, sizes: Sizes): Promise<Samples> {
  const durations: number[] = [];
  for (let run = 0; run < sizes.batchRuns; run++) {
    const wb = await tempWorkbench(false);
    try {
      let imported = 0;
      durations.push(
        await timeIt(async () => {
          imported = (await importText(wb, 'corpus.jsonl', file)).imported.length;
        }),
      );
      if (imported !== sizes.batchDocs)
        throw new Error(`imported ${imported} of ${sizes.batchDocs} articles`);
    } finally {
      await wb.cleanup();
    }
  }
  return summarize(durations);
}

export async function runImportBench(quick: boolean): Promise<SuiteResult> {
  const sizes = quick ? QUICK : FULL;
  const articles = generateShortArticles(sizes.batchDocs, 13, 10_001);
  const file = toJsonl(articles);
  const megabytes = Buffer.byteLength(file) / MB;
  const single = await singleImports(sizes);
  const batch = await batchImports(file, sizes);
  const stringify = sampleSync(20, 3, () => JSON.stringify(articles));
  const perDoc = (s: Samples): Samples => ({
    median: s.median / sizes.batchDocs,
    p90: s.p90 / sizes.batchDocs,
    min: s.min / sizes.batchDocs,
    max: s.max / sizes.batchDocs,
    n: s.n,
  });
  const name = `${sizes.batchDocs}-article JSONL`;
  return {
    rows: [
      row('import', `${name}, per doc`, 'ms', perDoc(batch), single, '1 article/request'),
      row(
        'import',
        `${name}, throughput`,
        'docs/s',
        (1000 * sizes.batchDocs) / batch.median,
        1000 / single.median,
        '1 article/request',
      ),
      row(
        'import',
        `${name}, bytes in`,
        'MB/s',
        (1000 * megabytes) / batch.median,
        (1000 * megabytes) / stringify.median,
        'JSON.stringify',
      ),
    ],
    notes: {
      [`import: whole ${name} file (${megabytes.toFixed(1)} MB, median of ${sizes.batchRuns}, fresh workspace each)`]: `${(batch.median / 1000).toFixed(2)} s`,
    },
  };
}
