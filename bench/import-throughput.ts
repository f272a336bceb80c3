// Benchmark 2, import throughput (bench/, in-process): one JSONL file of 500 short articles imported through
// the dispatcher, against the baseline of importing a single article per request (the per-document cost).
// Each batch run starts from a fresh workspace, so it never sees its own texts as duplicates.
import { generateShortArticles, toJsonl } from './lib/corpus';
import { row, type SuiteResult } from './lib/report';
import { sample, summarize, timeIt, type Samples } from './lib/stats';
import { importText, tempWorkbench } from './lib/workbench';

const SINGLE_RUNS = 12;
const SINGLE_WARMUP = 2;
const BATCH_DOCS = 500;
const BATCH_RUNS = 3;

async function singleImports(): Promise<Samples> {
  const articles = generateShortArticles(SINGLE_RUNS + SINGLE_WARMUP, 11);
  const wb = await tempWorkbench(false);
  try {
    return await sample(SINGLE_RUNS, SINGLE_WARMUP, async (i) => {
      const report = await importText(wb, `single-${i}.jsonl`, toJsonl([articles[i]!]));
      if (report.imported.length !== 1) throw new Error(`article ${i} was not imported`);
    });
  } finally {
    await wb.cleanup();
  }
}

async function batchImports(): Promise<Samples> {
  const file = toJsonl(generateShortArticles(BATCH_DOCS, 13, 10_001));
  const durations: number[] = [];
  for (let run = 0; run < BATCH_RUNS; run++) {
    const wb = await tempWorkbench(false);
    try {
      let imported = 0;
      durations.push(
        await timeIt(async () => {
          imported = (await importText(wb, 'corpus-500.jsonl', file)).imported.length;
        }),
      );
      if (imported !== BATCH_DOCS) throw new Error(`imported ${imported} of ${BATCH_DOCS} articles`);
    } finally {
      await wb.cleanup();
    }
  }
  return summarize(durations);
}

export async function runImportBench(): Promise<SuiteResult> {
  const single = await singleImports();
  const batch = await batchImports();
  const perDoc = (s: Samples, docs: number): Samples => ({
    median: s.median / docs,
    p90: s.p90 / docs,
    min: s.min / docs,
    max: s.max / docs,
    n: s.n,
  });
  const batchPerDoc = perDoc(batch, BATCH_DOCS);
  return {
    rows: [
      row('import', `${BATCH_DOCS}-article JSONL, per doc`, 'ms', batchPerDoc, single, '1 article/request'),
      row(
        'import',
        `${BATCH_DOCS}-article JSONL, throughput`,
        'docs/s',
        1000 / batchPerDoc.median,
        1000 / single.median,
        '1 article/request',
      ),
    ],
    notes: {
      'import: whole 500-article file (median of 3, fresh workspace each)': `${(batch.median / 1000).toFixed(2)} s`,
    },
  };
}
