// Benchmark 1, store save cost vs document size (bench/, in-process): median latency of `annotations:apply`
// adding one span through the dispatcher, on the real store in a temp folder. Baseline: the 5 KB sample
// article alone; compared with a 1 MB document holding 2,000 spans and with the sample among 500 documents.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocId } from '@shared/model';
import { documentRecordSchema } from '@shared/model';
import { writeFileAtomically } from '../src/main/store/durable-json-file';
import { nodeFileIO } from '../src/main/store/file-io';
import {
  BIG_DOC,
  bigArticle,
  generateShortArticles,
  tagTargets,
  toJsonl,
  type BenchSpan,
} from './lib/corpus';
import { row, type Notes, type SuiteResult } from './lib/report';
import { sample, sampleSync, type Samples } from './lib/stats';
import {
  addSpans,
  importText,
  setAnalyst,
  tagOnce,
  tempWorkbench,
  type BenchWorkbench,
} from './lib/workbench';

const RUNS = 40;
const WARMUP = 3;
const CORPUS_DOCS = 500;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** Median time to add one span (a fresh id on a fresh word pair each time) to `docId`. */
async function timeTags(
  wb: BenchWorkbench,
  docId: DocId,
  layer: string,
  avoid: readonly BenchSpan[] = [],
): Promise<Samples> {
  const { text } = await wb.call('document:get', { docId });
  const targets = tagTargets(text, avoid, RUNS + WARMUP);
  return sample(RUNS, WARMUP, (i) => tagOnce(wb, docId, layer, `t${i}`, targets[i]!));
}

async function sampleAlone(notes: Notes): Promise<Samples> {
  const wb = await tempWorkbench(true);
  try {
    const layer = await setAnalyst(wb);
    const docId = wb.store.documents()[0]!.id;
    const result = await timeTags(wb, docId, layer);
    notes['store: 5 KB doc file after the tags'] = kb(
      await fileSize(join(wb.dir, 'documents', `${docId}.json`)),
    );
    return result;
  } finally {
    await wb.cleanup();
  }
}

async function bigDocument(notes: Notes): Promise<Samples> {
  const wb = await tempWorkbench(false);
  try {
    const layer = await setAnalyst(wb);
    const { text, spans } = bigArticle();
    const report = await importText(wb, 'bench-1mb-article.txt', text);
    const docId = report.imported[0]!.id;
    await addSpans(wb, docId, layer, spans);
    const result = await timeTags(wb, docId, layer, spans);
    const path = join(wb.dir, 'documents', `${docId}.json`);
    notes['store: 1 MB doc file'] = kb(await fileSize(path));
    await saveBreakdown(wb, docId, path, notes);
    return result;
  } finally {
    await wb.cleanup();
  }
}

/** Where a 1 MB save goes: the steps updateDocument performs, timed one by one on the same record. */
async function saveBreakdown(wb: BenchWorkbench, docId: DocId, path: string, notes: Notes): Promise<void> {
  const doc = await wb.store.readDocument(docId);
  const ms = (s: Samples): string => `${s.median.toFixed(1)} ms`;
  const clone = sampleSync(10, 2, () => structuredClone(doc));
  const check = sampleSync(10, 2, () => documentRecordSchema.safeParse(doc));
  const json = sampleSync(10, 2, () => JSON.stringify(doc));
  const contents = JSON.stringify(doc);
  const write = await sample(10, 2, () => writeFileAtomically(nodeFileIO, `${path}.bench`, contents));
  notes['store: 1 MB save steps (median each)'] =
    `structuredClone ${ms(clone)} (done twice), zod check ${ms(check)}, JSON.stringify ${ms(json)}, ` +
    `durable write+fsync ${ms(write)}`;
  const start = performance.now();
  await wb.store.readDocument(docId);
  notes['store: 1 MB readDocument (cached, structuredClone)'] =
    `${(performance.now() - start).toFixed(1)} ms`;
}

/**
 * What a save still pays for the corpus: the in-memory snapshot copy. The index in workspace.json is no longer
 * rewritten per save (it is deferred, at most once a second and on close); its one rewrite is timed here.
 */
async function indexBreakdown(wb: BenchWorkbench, notes: Notes): Promise<void> {
  const path = join(wb.dir, 'workspace.json');
  const workspace = wb.store.workspace();
  const contents = JSON.stringify(workspace);
  const clone = sampleSync(10, 2, () => structuredClone(workspace));
  const write = await sample(10, 2, () => writeFileAtomically(nodeFileIO, `${path}.bench`, contents));
  notes['store: workspace.json index with 501 docs'] =
    `${kb(Buffer.byteLength(contents))}; written at most once a second, not per save (write+fsync ` +
    `${write.median.toFixed(1)} ms); each save re-clones the snapshot (structuredClone ${clone.median.toFixed(1)} ms)`;
}

async function amongManyDocuments(notes: Notes): Promise<Samples> {
  const wb = await tempWorkbench(true);
  try {
    const layer = await setAnalyst(wb);
    const docId = wb.store.documents()[0]!.id;
    const start = performance.now();
    await importText(wb, 'bench-corpus.jsonl', toJsonl(generateShortArticles(CORPUS_DOCS, 7)));
    notes['store: setup, import of 500 articles'] = `${((performance.now() - start) / 1000).toFixed(1)} s`;
    const result = await timeTags(wb, docId, layer);
    await indexBreakdown(wb, notes);
    return result;
  } finally {
    await wb.cleanup();
  }
}

export async function runStoreBench(): Promise<SuiteResult> {
  const notes: Notes = {};
  const alone = await sampleAlone(notes);
  const big = await bigDocument(notes);
  const crowd = await amongManyDocuments(notes);
  return {
    rows: [
      row('store', `add span, 1 MB doc / ${BIG_DOC.spans} spans`, 'ms', big, alone, '5 KB doc'),
      row('store', `add span, 5 KB doc among ${CORPUS_DOCS} docs`, 'ms', crowd, alone, '5 KB doc alone'),
    ],
    notes,
  };
}
