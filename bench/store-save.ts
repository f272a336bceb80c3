// Benchmark 1, what a save costs main (bench/, in-process): median time of `annotations:apply` adding one span
// through the dispatcher on the real store — the main-process time of one tag — at every document scale and in
// a 1,000-document workspace of 1,000,000 spans, against the 5 KB sample alone in its workspace. The store's
// targets (≤ 16 ms at 50,000 spans, ≤ 5 ms in the corpus) belong to the store's own issue; these rows measure.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocId } from '@shared/model';
import { documentRecordSchema } from '@shared/model';
import { writeFileAtomically } from '../src/main/store/durable-json-file';
import { nodeFileIO } from '../src/main/store/file-io';
import type { BenchSpan } from './lib/corpus';
import { corpusWorkspace, FULL_CORPUS, QUICK_CORPUS } from './lib/fixture-workspaces';
import { atMost, row, type Notes, type Row, type SuiteResult } from './lib/report';
import { scalesToRun, taggedArticle, tagTargets, targetScale, type Scale } from './lib/scales';
import { sample, sampleSync, type Samples } from './lib/stats';
import {
  addSpans,
  existingWorkbench,
  importText,
  setAnalyst,
  tagOnce,
  tempWorkbench,
  type BenchWorkbench,
} from './lib/workbench';

const WARMUP = 3;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
/** Fewer samples where one save takes a second (before the store's journal), enough for a median. */
const runsFor = (spans: number, quick: boolean): number => (quick ? 5 : spans >= 10_000 ? 12 : 30);

/** Median time to add one span (a fresh id on a fresh word pair each time) to `docId`. */
async function timeTags(
  wb: BenchWorkbench,
  docId: DocId,
  layer: string,
  runs: number,
  avoid: readonly BenchSpan[] = [],
): Promise<{ samples: Samples; ids: string[] }> {
  const { text } = await wb.call('document:get', { docId });
  const targets = tagTargets(text, avoid, runs + WARMUP);
  const ids = targets.map((_, i) => `t${i}`);
  const samples = await sample(runs, WARMUP, (i) => tagOnce(wb, docId, layer, ids[i]!, targets[i]!));
  return { samples, ids };
}

async function sampleAlone(quick: boolean): Promise<Samples> {
  const wb = await tempWorkbench(true);
  try {
    const layer = await setAnalyst(wb);
    return (await timeTags(wb, wb.store.documents()[0]!.id, layer, runsFor(0, quick))).samples;
  } finally {
    await wb.cleanup();
  }
}

async function atScale(scale: Scale, quick: boolean, notes: Notes, breakdown: boolean): Promise<Samples> {
  const wb = await tempWorkbench(false);
  try {
    const layer = await setAnalyst(wb);
    const { text, spans } = taggedArticle(scale);
    const report = await importText(wb, 'bench-scale.txt', text);
    const docId = report.imported[0]!.id;
    await addSpans(wb, docId, layer, spans);
    const result = await timeTags(wb, docId, layer, runsFor(scale.spans, quick), spans);
    const path = join(wb.dir, 'documents', `${docId}.json`);
    notes[`store: document file, ${scale.name}`] = kb((await stat(path)).size);
    if (breakdown) await saveBreakdown(wb, docId, path, scale, notes);
    return result.samples;
  } finally {
    await wb.cleanup();
  }
}

/** Where a large save goes: the steps updateDocument performs, timed one by one on the same record. */
async function saveBreakdown(wb: BenchWorkbench, docId: DocId, path: string, scale: Scale, notes: Notes) {
  const doc = await wb.store.readDocument(docId);
  const ms = (s: Samples): string => `${s.median.toFixed(1)} ms`;
  const clone = sampleSync(5, 1, () => structuredClone(doc));
  const check = sampleSync(5, 1, () => documentRecordSchema.safeParse(doc));
  const json = sampleSync(5, 1, () => JSON.stringify(doc));
  const contents = JSON.stringify(doc);
  const write = await sample(5, 1, () => writeFileAtomically(nodeFileIO, `${path}.bench`, contents));
  notes[`store: save steps, ${scale.name} (median each)`] =
    `structuredClone ${ms(clone)} (done twice), zod check ${ms(check)}, JSON.stringify ${ms(json)}, ` +
    `durable write+fsync ${ms(write)}`;
}

/** A tag in one document of the corpus workspace; the tags are removed again so the corpus stays as built. */
async function inCorpus(quick: boolean, notes: Notes): Promise<{ samples: Samples; name: string }> {
  const corpus = await corpusWorkspace(quick ? QUICK_CORPUS : FULL_CORPUS);
  notes[`store: corpus workspace built (import + tags)`] = `${corpus.buildSeconds.toFixed(0)} s`;
  const wb = await existingWorkbench(corpus.dir);
  try {
    // The corpus was tagged by its one analyst; who is working is a preference, so say it again here.
    const analyst = wb.store.workspace().annotators[0]!;
    const layer = (await wb.call('annotator:set-local', { annotatorId: analyst.id })).localAnnotator!.id;
    const summary = wb.store.documents()[Math.floor(corpus.documents / 2)]!;
    const doc = await wb.store.readDocument(summary.id);
    const avoid = (doc.layers[layer]?.spans ?? []).map((s) => ({ ...s, label: 'claim' as const }));
    const { samples, ids } = await timeTags(wb, summary.id, layer, runsFor(corpus.spans, quick), avoid);
    const ops = ids.map((spanId) => ({ kind: 'remove-span' as const, spanId }));
    await wb.call('annotations:apply', { docId: summary.id, layer, ops });
    const name = `${corpus.documents.toLocaleString('en')}-doc workspace / ${corpus.spans.toLocaleString('en')} spans`;
    return { samples, name };
  } finally {
    await wb.cleanup();
  }
}

export async function runStoreBench(quick: boolean): Promise<SuiteResult> {
  const notes: Notes = {};
  const alone = await sampleAlone(quick);
  const scales = scalesToRun(quick);
  const rows: Row[] = [];
  for (const scale of scales) {
    const targeted = scale === targetScale(scales);
    const samples = await atScale(scale, quick, notes, targeted);
    const target = targeted ? atMost(16) : undefined;
    rows.push(
      row('store', `save one tag (main process), ${scale.name}`, 'ms', samples, alone, '5 KB doc', target),
    );
  }
  const corpus = await inCorpus(quick, notes);
  rows.push(
    row(
      'store',
      `save one tag (main process), ${corpus.name}`,
      'ms',
      corpus.samples,
      alone,
      '5 KB doc',
      atMost(5),
    ),
  );
  notes['store: targets'] =
    'belong to the store issue (a journal of operations); measured here so the figures exist';
  return { rows, notes };
}
