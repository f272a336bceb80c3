// Benchmark: the cost of one tag's save in main with the operations journal, against the whole-file save it
// replaced, in the same run (bench/, in-process). Scales: a 1 MB document of 50,000 spans (loaded through the
// API in 5,000-op requests, each request timed), and a workspace of 1,000 documents of 1,000 spans each.
// "before" is the old handler, kept here only: updateDocument (clone, apply, zod check of the whole record,
// clone, rewrite of the whole file) plus the per-save clone of the workspace snapshot the old store made.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AnnotationOp } from '@shared/api';
import {
  LayerIndex,
  applyOps,
  compareSpans,
  spanFromDraft,
  ownEntry,
  setEntry,
  summarizeDocument,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type SpanId,
} from '@shared/model';
import { nodeFileIO } from '../src/main/store/file-io';
import { makeDocument } from '../src/main/store/test-support/fixtures';
import { generateArticle, seeded } from './lib/corpus';
import { row, type Notes, type SuiteResult } from './lib/report';
import { summarize, type Samples } from './lib/stats';
import { importText, setAnalyst, tempWorkbench, type BenchWorkbench } from './lib/workbench';

const LABELS = ['claim', 'condition', 'actor'] as const;
const AT = '2026-01-01T00:00:00.000Z';

interface Scale {
  bigSpans: number;
  docs: number;
  spansPerDoc: number;
  runs: number;
}
const FULL: Scale = { bigSpans: 50_000, docs: 1000, spansPerDoc: 1000, runs: 40 };
const QUICK: Scale = { bigSpans: 5000, docs: 50, spansPerDoc: 1000, runs: 10 };

interface Range {
  id: string;
  label: (typeof LABELS)[number];
  start: number;
  end: number;
}

/** `count` seeded word ranges (1-3 words, overlapping freely) over `text`, ids `<prefix>1`, `<prefix>2`… */
function ranges(text: string, count: number, seed: number, prefix = 'b'): Range[] {
  const words = [...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const w = Math.floor(random() * (words.length - 3));
    const last = words[w + Math.floor(random() * 3)]!;
    return {
      id: `${prefix}${i + 1}`,
      label: LABELS[i % LABELS.length]!,
      start: words[w]!.start,
      end: last.end,
    };
  });
}

const addOps = (list: readonly Range[]): AnnotationOp[] =>
  list.map((span) => ({ kind: 'add-span', span }) as AnnotationOp);

/** The save as the handler made it before the journal: a whole-document update. */
async function oldSave(wb: BenchWorkbench, docId: DocId, layer: string, ops: AnnotationOp[]): Promise<void> {
  // The old store rebuilt its snapshot with a structuredClone of the whole index after every save.
  const schema = structuredClone(wb.store.workspace()).labelSchema;
  const doc = await wb.store.updateDocument(docId, (draft) => {
    const index = new LayerIndex(ownEntry(draft.layers, layer));
    applyOps(index, ops, { text: draft.text, schema, annotator: layer as AnnotatorId, now: AT });
    setEntry(draft.layers, layer, index.toLayer());
    if ((ownEntry(draft.status, layer) ?? 'new') === 'new') setEntry(draft.status, layer, 'in-progress');
  });
  summarizeDocument(doc);
}

async function newSave(wb: BenchWorkbench, docId: DocId, layer: string, ops: AnnotationOp[]): Promise<void> {
  await wb.call('annotations:apply', { docId, layer, ops });
}

type Save = typeof newSave;

interface Timed {
  wall: Samples;
  /** Main-thread busy time (event-loop utilization), without the wait for fsync. */
  busy: Samples;
  p95: number;
}

/**
 * Times `steps` in turns (step 0, step 1, step 0, …), `runs` samples each after 3 warm-up turns, so steps
 * timed together meet the same moment of a shared disk.
 */
async function timeInTurns(runs: number, steps: ((i: number) => Promise<unknown>)[]): Promise<Timed[]> {
  // Start from a settled disk: an fdatasync waits for whatever the setup left to write back.
  spawnSync('sync');
  const samples = steps.map(() => ({ wall: [] as number[], busy: [] as number[] }));
  for (let i = 0; i < runs + 3; i++) {
    for (const [s, step] of steps.entries()) {
      const elu = performance.eventLoopUtilization();
      const start = performance.now();
      await step(i);
      if (i < 3) continue;
      samples[s]!.wall.push(performance.now() - start);
      samples[s]!.busy.push(performance.eventLoopUtilization(elu).active);
    }
  }
  return samples.map(({ wall, busy }) => {
    const sorted = [...wall].sort((a, b) => a - b);
    return { wall: summarize(wall), busy: summarize(busy), p95: sorted[Math.floor(sorted.length * 0.95)]! };
  });
}

/** The floor under any durable save: a ~700-byte append + fdatasync, what the journal's save waits for. */
function fsyncFloor(dir: string): () => Promise<void> {
  const path = join(dir, 'floor.journal');
  return () => nodeFileIO.appendSynced(path, `${'x'.repeat(700)}\n`);
}

/** Times the old and the new save in turns with the bare append, and notes all three. */
async function compareSaves(
  runs: number,
  dir: string,
  old: (i: number) => Promise<void>,
  fresh: (i: number) => Promise<void>,
): Promise<{ before: Timed; after: Timed; note: string }> {
  const [before] = (await timeInTurns(runs, [old])) as [Timed];
  const [after, floor] = (await timeInTurns(runs, [fresh, fsyncFloor(dir)])) as [Timed, Timed];
  const note =
    `before: ${describeTimed(before)}; after: ${describeTimed(after)}; bare append+fdatasync taken in ` +
    `turns with the after samples: median ${ms(floor.wall.median)}, p95 ${ms(floor.p95)}`;
  return { before, after, note };
}

function tags(text: string, seed: number, prefix: string): (i: number) => AnnotationOp[] {
  const pool = ranges(text, 200, seed);
  return (i) => addOps([{ ...pool[i % pool.length]!, id: `${prefix}${i}` }]);
}

/** Loads `ops` in 5,000-op requests; the time of each request. */
async function load(save: Save, wb: BenchWorkbench, docId: DocId, layer: string, ops: AnnotationOp[]) {
  const times: number[] = [];
  for (let i = 0; i < ops.length; i += 5000) {
    const start = performance.now();
    await save(wb, docId, layer, ops.slice(i, i + 5000));
    times.push(performance.now() - start);
  }
  return times;
}

const ms = (n: number): string => `${n.toFixed(n >= 100 ? 0 : 1)} ms`;
const describeTimed = (t: Timed): string =>
  `median ${ms(t.wall.median)}, p95 ${ms(t.p95)}, busy median ${ms(t.busy.median)}`;

async function bigDocument(scale: Scale, notes: Notes): Promise<{ before: Timed; after: Timed }> {
  const wb = await tempWorkbench(false);
  try {
    const layer = await setAnalyst(wb);
    const { text } = generateArticle(1024 * 1024, 1);
    const ops = addOps(ranges(text, scale.bigSpans, 2));
    const oldDoc = (await importText(wb, 'before.txt', text)).imported[0]!.id;
    const newDoc = (await importText(wb, 'after.txt', `${text}\nCopy.`)).imported[0]!.id;
    const loadOld = await load(oldSave, wb, oldDoc, layer, ops);
    const loadNew = await load(newSave, wb, newDoc, layer, ops);
    const list = (t: number[]): string => t.map((x) => x.toFixed(0)).join(', ');
    notes[`journal: loading ${scale.bigSpans} spans, 5,000 ops a request (ms each)`] =
      `before ${list(loadOld)}; after ${list(loadNew)}`;
    const next = tags(text, 3, 't');
    const { before, after, note } = await compareSaves(
      scale.runs,
      wb.dir,
      (i) => oldSave(wb, oldDoc, layer, next(i)),
      (i) => newSave(wb, newDoc, layer, next(i + 1000)),
    );
    notes[`journal: tag save, 1 MB / ${scale.bigSpans} spans`] = note;
    return { before, after };
  } finally {
    await wb.cleanup();
  }
}

/** A document record with `spans` spans, built the way the importer and the ops module build them. */
function corpusDocument(n: number, spansPerDoc: number): DocumentRecord {
  const doc = makeDocument(`c${n}`, generateArticle(16 * 1024, 100 + n).text);
  const ctx = {
    text: doc.text,
    schema: { labels: [], relationTypes: [] },
    annotator: 'bench' as AnnotatorId,
    now: AT,
  };
  const spans = ranges(doc.text, spansPerDoc, n).map((range) =>
    spanFromDraft({ ...range, id: range.id as SpanId }, ctx),
  );
  return { ...doc, layers: { bench: { spans: spans.sort(compareSpans), relations: [] } } };
}

async function bigWorkspace(scale: Scale, notes: Notes): Promise<{ before: Timed; after: Timed }> {
  const wb = await tempWorkbench(false);
  try {
    const layer = await setAnalyst(wb);
    const start = performance.now();
    for (let n = 0; n < scale.docs; n += 25) {
      const batch = Array.from({ length: Math.min(25, scale.docs - n) }, (_, i) =>
        corpusDocument(n + i, scale.spansPerDoc),
      );
      await wb.store.createDocuments(batch);
    }
    notes[`journal: setup, ${scale.docs} documents of ${scale.spansPerDoc} spans`] =
      `${((performance.now() - start) / 1000).toFixed(1)} s`;
    const target = wb.store.documents()[Math.floor(scale.docs / 2)]!;
    const { text } = await wb.store.readDocument(target.id);
    const next = tags(text, 4, 'w');
    const { before, after, note } = await compareSaves(
      scale.runs,
      wb.dir,
      (i) => oldSave(wb, target.id, layer, next(i)),
      (i) => newSave(wb, target.id, layer, next(i + 1000)),
    );
    notes[`journal: tag save, ${scale.docs} docs / ${scale.docs * scale.spansPerDoc} spans`] = note;
    return { before, after };
  } finally {
    await wb.cleanup();
  }
}

export async function runJournalBench(quick = false): Promise<SuiteResult> {
  const scale = quick ? QUICK : FULL;
  const notes: Notes = {};
  const big = await bigDocument(scale, notes);
  const corpus = await bigWorkspace(scale, notes);
  const spans = scale.docs * scale.spansPerDoc;
  return {
    rows: [
      row(
        'store',
        `journal: tag save, 1 MB / ${scale.bigSpans} spans`,
        'ms',
        big.after.wall,
        big.before.wall,
        'whole-file save',
      ),
      row(
        'store',
        `journal: tag save, ${scale.docs} docs / ${spans} spans`,
        'ms',
        corpus.after.wall,
        corpus.before.wall,
        'whole-file save',
      ),
    ],
    notes,
  };
}
