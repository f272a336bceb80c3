// Benchmark and evaluation of the offline suggester (bench/, Node): scores `suggest` against the hand-tagged
// corpus in data/eval/ with the agreement module (exact and overlap P/R/F1 per label, summed over the corpus;
// relations), and measures its speed (KB/s, median after warm-up), the 5 KB sample's time and the heap it
// keeps. A suite of bench/run.ts (`suggest`), or alone: `node --import tsx bench/suggest-eval.ts [--quick]`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { relationAgreement, spanAgreement, sumPrf, type PRF } from '@shared/agreement';
import { suggest } from '@shared/suggest/suggest';
import { isMostlyLatin } from '@shared/suggest/language';
import {
  parseEvalCorpus,
  referenceLayer,
  suggestionLayer,
  type EvalCorpus,
} from '@shared/suggest/eval-corpus';
import { formatTable, row, type Notes, type SuiteResult } from './lib/report';
import { sampleSync, type Samples } from './lib/stats';

const CORPUS = fileURLToPath(new URL('../data/eval/corpus.json', import.meta.url));
const HELD_OUT = fileURLToPath(new URL('../data/eval/held-out.json', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../data/astana-22-turkey-syria.txt', import.meta.url));
const LABELS = ['actor', 'claim', 'condition'] as const;
const MB = 1024 * 1024;

interface Scores {
  exact: Map<string, PRF[]>;
  overlap: Map<string, PRF[]>;
  relations: Map<string, PRF[]>;
}

function push(map: Map<string, PRF[]>, key: string, value: PRF | undefined): void {
  if (value !== undefined) map.set(key, [...(map.get(key) ?? []), value]);
}

/** Per-document agreement of the suggester (B) with the hand tags (A); counts are summed later (micro). */
export function scoreCorpus(corpus: EvalCorpus): Scores {
  const scores: Scores = { exact: new Map(), overlap: new Map(), relations: new Map() };
  for (const doc of corpus.documents) {
    const reference = referenceLayer(doc);
    const suggested = suggestionLayer(suggest({ text: doc.text }));
    for (const mode of ['exact', 'overlap'] as const) {
      const agreement = spanAgreement(reference, suggested, mode);
      push(scores[mode], 'all', agreement.overall);
      for (const label of LABELS) push(scores[mode], label, agreement.perLabel[label]);
    }
    const relations = relationAgreement(reference, suggested);
    push(scores.relations, 'all', relations.overall);
    for (const type of ['says', 'conditions']) push(scores.relations, type, relations.perType[type]);
  }
  return scores;
}

const fixed = (n: number | null): string => (n === null ? 'n/a' : n.toFixed(2));
const prfText = (p: PRF): string =>
  `P ${fixed(p.precision)} R ${fixed(p.recall)} F1 ${fixed(p.f1)} (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

/** The figures of one corpus as notes, prefixed with its name ("development", "held-out"). */
function scoreNotes(name: string, scores: Scores): Notes {
  const notes: Notes = {};
  for (const mode of ['exact', 'overlap'] as const) {
    for (const label of [...LABELS, 'all']) {
      notes[`suggest ${name}: ${label} spans, ${mode}`] = prfText(sumPrf(scores[mode].get(label) ?? []));
    }
  }
  for (const type of ['says', 'conditions', 'all']) {
    notes[`suggest ${name}: ${type} relations`] = prfText(sumPrf(scores.relations.get(type) ?? []));
  }
  return notes;
}

async function loadCorpus(path: string): Promise<EvalCorpus> {
  return parseEvalCorpus(JSON.parse(await readFile(path, 'utf8')), path);
}

/** `global.gc`, switched on at run time so the runner needs no --expose-gc flag. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const kilobytes = (text: string): number => Buffer.byteLength(text, 'utf8') / 1024;
const throughput = (kb: number, s: Samples): number => kb / (s.median / 1000);

export async function runSuggestBench(quick = false): Promise<SuiteResult> {
  const gc = collector();
  const corpus = await loadCorpus(CORPUS);
  const heldOut = await loadCorpus(HELD_OUT);
  const sample = await readFile(SAMPLE, 'utf8');
  const texts = corpus.documents.map((d) => d.text);
  // The baseline is the shortest English article: the Arabic one gets no analysis at all.
  const english = texts.filter(isMostlyLatin);
  const shortest = english.reduce((a, b) => (kilobytes(b) < kilobytes(a) ? b : a));
  const before = heapAfterGc(gc);
  const firstCall = sampleSync(1, 0, () => suggest({ text: shortest }));
  const loaded = heapAfterGc(gc);
  const runs = quick ? 5 : 25;
  const warmup = quick ? 1 : 3;
  const sampleTime = sampleSync(runs, warmup, () => suggest({ text: sample }));
  const shortTime = sampleSync(runs, warmup, () => suggest({ text: shortest }));
  const corpusTime = sampleSync(quick ? 3 : 10, warmup, () => texts.forEach((text) => suggest({ text })));
  const steady = heapAfterGc(gc);
  const kept = texts.map((text) => suggest({ text }));
  const withOutputs = heapAfterGc(gc);
  const scores = scoreCorpus(corpus);
  const heldOutScores = scoreCorpus(heldOut);
  const corpusKb = texts.reduce((sum, t) => sum + kilobytes(t), 0);
  return {
    rows: [
      row(
        'suggest',
        '5 KB sample',
        'ms',
        sampleTime,
        shortTime,
        `${kilobytes(shortest).toFixed(1)} KB article`,
      ),
      row(
        'suggest',
        'eval corpus throughput',
        'KB/s',
        throughput(corpusKb, corpusTime),
        throughput(kilobytes(sample), sampleTime),
        '5 KB sample',
      ),
      row(
        'suggest',
        'heap after loading the models',
        'MB',
        loaded / MB,
        before / MB,
        'before the first call',
      ),
    ],
    notes: {
      'suggest: corpus': `${corpus.documents.length} documents, ${corpusKb.toFixed(1)} KB (${runs} runs after ${warmup} warm-ups)`,
      'suggest: first call (loads wink and compromise)': `${firstCall.median.toFixed(0)} ms`,
      'suggest: heap the models keep (after GC)': `${((loaded - before) / MB).toFixed(1)} MB`,
      'suggest: heap after the timing runs, vs after loading (after GC)': `${((steady - loaded) / MB).toFixed(2)} MB`,
      'suggest: heap held by the corpus outputs (after GC)': `${((withOutputs - steady) / MB).toFixed(2)} MB for ${kept.length} outputs`,
      'suggest: 5 KB sample p90': `${sampleTime.p90.toFixed(1)} ms`,
      ...scoreNotes('development', scores),
      ...scoreNotes('held-out', heldOutScores),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runSuggestBench(process.argv.includes('--quick'))
    .then((result) => console.log(formatTable(result.rows, result.notes)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    });
}
