// The document scales every benchmark suite measures (bench/, Node only): a seeded article of a given size
// with a given number of spans — nested claims, conditions and actors from its sentences, then word and
// word-pair spans (which partly overlap the sentence spans) until the count is reached — and word pairs in
// span-free paragraphs to tag. Deterministic, so two runs (and two suites) measure the same text and spans.
import { generateArticle, seeded, type BenchLabel, type BenchSpan, type TagTarget } from './corpus';

export interface Scale {
  /** Short name used in row names: "1 MB / 50,000 spans". */
  name: string;
  bytes: number;
  spans: number;
  seed: number;
}

const KB = 1024;
const MB = 1024 * KB;

/** The scales: a long report, and a 200-page report tagged lightly and densely (texts differ by seed,
 * since a workspace refuses a second copy of a text). */
export const FULL_SCALES: readonly Scale[] = [
  { name: '200 KB / 1,000 spans', bytes: 200 * KB, spans: 1_000, seed: 2 },
  { name: '1 MB / 10,000 spans', bytes: MB, spans: 10_000, seed: 4 },
  { name: '1 MB / 50,000 spans', bytes: MB, spans: 50_000, seed: 1 },
];

/** `--quick`: one small document, enough to prove every probe still works (the `npm test` smoke run). */
export const QUICK_SCALES: readonly Scale[] = [
  { name: '50 KB / 500 spans', bytes: 50 * KB, spans: 500, seed: 3 },
];

let selection: readonly number[] | null = null;

/** `--scales=3` (1-based, comma-separated): only those of FULL_SCALES, to iterate on one scale. */
export function selectScales(indices: readonly number[]): void {
  for (const i of indices) if (FULL_SCALES[i - 1] === undefined) throw new Error(`there is no scale ${i}`);
  selection = indices;
}

/** The scales this run measures. */
export function scalesToRun(quick: boolean): readonly Scale[] {
  if (quick) return QUICK_SCALES;
  return selection === null ? FULL_SCALES : selection.map((i) => FULL_SCALES[i - 1]!);
}

/** The scale the targets are stated for (1 MB / 50,000 spans), or the largest one measured. */
export function targetScale(scales: readonly Scale[]): Scale {
  return scales[scales.length - 1]!;
}

export interface TaggedArticle {
  text: string;
  /** Sorted by start (then longer first); ids `b1`, `b2`, … in that order. */
  spans: BenchSpan[];
}

const cache = new Map<string, TaggedArticle>();

/** The article of `scale` (memoised: several suites use the same scale). */
export function taggedArticle(scale: Scale): TaggedArticle {
  const key = `${scale.bytes}/${scale.seed}/${scale.spans}`;
  const cached = cache.get(key) ?? generateTaggedArticle(scale);
  cache.set(key, cached);
  return cached;
}

/** A seeded article of `scale.bytes` with exactly `scale.spans` spans. */
export function generateTaggedArticle(scale: Scale): TaggedArticle {
  const article = generateArticle(scale.bytes, scale.seed);
  const sentenceSpans = article.sentences.flat();
  // At most 60 % sentence spans, so even a light tagging has word pairs partly overlapping claims and actors.
  const fromSentences = spreadEvenly(
    sentenceSpans,
    Math.min(sentenceSpans.length, Math.ceil(scale.spans * 0.6)),
  );
  const words = wordSpans(article.text, sentenceSpans, scale.spans - fromSentences.length, scale.seed);
  const picked = [...fromSentences, ...words];
  const spans = picked
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((span, i) => ({ ...span, id: `b${i + 1}` }));
  return { text: article.text, spans };
}

/** `count` items taken at an even stride, so a light tagging still covers the whole document. */
function spreadEvenly<T>(items: readonly T[], count: number): T[] {
  const stride = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * stride)]!);
}

/** Paragraph index of every offset range that holds a span: tags and word spans stay out of the others. */
function taggedParagraphs(text: string, spans: readonly BenchSpan[]): Set<number> {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const paragraphOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const tagged = new Set<number>();
  for (const span of spans) {
    for (let p = paragraphOf(span.start); p <= paragraphOf(Math.max(span.start, span.end - 1)); p++)
      tagged.add(p);
  }
  return tagged;
}

/** Letters with their combining marks (Latin and Arabic alike), so a word span never splits a grapheme. */
const WORD = /[\p{L}\p{M}]{3,}/gu;

/**
 * `count` single-word (actor) and word-pair (condition) spans in the paragraphs that already hold sentence
 * spans, chosen at random but seeded. Pairs cross the edges of claims and actors, so partial overlaps are common.
 */
function wordSpans(
  text: string,
  sentenceSpans: readonly BenchSpan[],
  count: number,
  seed: number,
): BenchSpan[] {
  const tagged = taggedParagraphs(text, sentenceSpans);
  const taken = new Set(sentenceSpans.map((s) => `${s.start}:${s.end}`));
  const candidates: BenchSpan[] = [];
  let start = 0;
  text.split('\n').forEach((paragraph, para) => {
    if (tagged.has(para)) {
      const words = [...paragraph.matchAll(WORD)];
      words.forEach((word, w) => {
        const from = start + word.index;
        const next = words[w + 1];
        const pairEnd = next === undefined ? -1 : start + next.index + next[0].length;
        const label: BenchLabel = w % 2 === 0 || pairEnd < 0 ? 'actor' : 'condition';
        const end = label === 'actor' ? from + word[0].length : pairEnd;
        if (!taken.has(`${from}:${end}`)) candidates.push({ id: '', label, start: from, end });
      });
    }
    start += paragraph.length + 1;
  });
  if (candidates.length < count) throw new Error(`only ${candidates.length} word spans for ${count} wanted`);
  const random = seeded(seed * 104_729);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * candidates.length));
  return [...chosen].map((i) => candidates[i]!);
}

/** Word-like segments as the app's snapping sees them (Intl.Segmenter, fixed 'en' locale). */
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * `count` two-word ranges spread evenly over the paragraphs that no span in `avoid` touches: whole words as
 * the app's snapping sees them (so a tag keeps the range as it is), Latin ones only.
 */
export function tagTargets(text: string, avoid: readonly BenchSpan[], count: number): TagTarget[] {
  const tagged = taggedParagraphs(text, avoid);
  const candidates: TagTarget[] = [];
  let start = 0;
  text.split('\n').forEach((paragraph, para) => {
    if (!tagged.has(para)) {
      const words = [...segmenter.segment(paragraph)].filter(
        (w) =>
          w.isWordLike === true && w.segment.length >= 3 && /^[\p{Script=Latin}\p{M}]+$/u.test(w.segment),
      );
      for (let w = 0; w + 1 < words.length; w += 2) {
        const from = words[w]!.index;
        const to = words[w + 1]!.index + words[w + 1]!.segment.length;
        if (!/[\n“”]/.test(paragraph.slice(from, to))) {
          candidates.push({ start: start + from, end: start + to, para, from, to });
        }
      }
    }
    start += paragraph.length + 1;
  });
  if (candidates.length < count) throw new Error(`only ${candidates.length} taggable word pairs`);
  const stride = candidates.length / count;
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(i * stride + stride / 2)]!);
}
