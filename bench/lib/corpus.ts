// Seeded generators for benchmark inputs (bench/, Node only): news-like articles with paragraphs, Arabic and
// emoji, nested claim/condition/actor spans on word boundaries, short JSONL articles, and word ranges to tag.
// Everything is deterministic, so two runs measure the same text and the same spans.

export type BenchLabel = 'claim' | 'condition' | 'actor';

export interface BenchSpan {
  id: string;
  label: BenchLabel;
  start: number;
  end: number;
}

/** A text range to tag, also located as (paragraph index, offsets inside that paragraph) for the DOM. */
export interface TagTarget {
  start: number;
  end: number;
  para: number;
  from: number;
  to: number;
}

export interface GeneratedArticle {
  text: string;
  /** Spans of attributed sentences, grouped per sentence (actor, claim, nested condition). */
  sentences: BenchSpan[][];
}

export interface ShortArticle {
  id: string;
  title: string;
  text: string;
  meta: { outlet: string; date: string };
}

/** mulberry32: a small, fast, seedable PRNG. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = [
  'Turkish Defense Minister Yaşar Güler',
  'Russian envoy Alexander Lavrentiev',
  'the Syrian foreign ministry',
  'Iranian Foreign Minister Abbas Araghchi',
  'a spokesperson for the UN envoy',
  'the Kurdish-led administration',
  'opposition negotiator Hadi al-Bahra',
  'the Kazakh foreign ministry',
];
const VERBS = ['said', 'told reporters', 'stated', 'warned', 'insisted', 'argued', 'announced'];
const CLAIMS = [
  'troops will remain in northern Syria',
  'the talks have made real progress',
  'the border crossings will reopen next month',
  'a meeting between the two presidents is premature',
  'the ceasefire is holding across the region',
  'sanctions relief is not on the table 🚫',
  'refugees can return safely to their homes',
  'the constitutional committee will resume its work',
];
const CONDITIONS = [
  'if the ceasefire holds',
  'unless the attacks resume',
  'as long as the guarantor states agree',
  'once the security concerns are addressed',
  'provided that the elections are free',
  'without clear conditions',
];
const AR_ACTORS = ['المتحدث باسم الخارجية', 'وزير الدفاع التركي', 'المبعوث الروسي'];
const AR_CLAIMS = ['المحادثات ستستمر الأسبوع المقبل', 'الحدود ستبقى مغلقة', 'الاجتماع سيعقد في أستانا'];
const FILLERS = [
  'The talks were held in Astana on Tuesday.',
  'Delegations from Russia, Turkey and Iran attended the meeting.',
  'No date was set for the next round of negotiations.',
  'The statement was published late in the evening 📰.',
  'Families in the region are still waiting 👩‍👩‍👧 for news.',
  'Flags 🇹🇷 🇷🇺 🇮🇷 hung over the venue.',
  'وقال مسؤول إن المحادثات ستستمر.',
  'Analysts expect a long and uneven process.',
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One attributed sentence appended at `offset`: its text and its spans (ids filled in later). */
function attributedSentence(random: () => number, offset: number): { text: string; spans: BenchSpan[] } {
  const span = (label: BenchLabel, start: number, end: number): BenchSpan => ({ id: '', label, start, end });
  const form = random();
  if (form < 0.15) {
    const actor = pick(random, AR_ACTORS);
    const claim = pick(random, AR_CLAIMS);
    const text = `قال ${actor} إن ${claim}.`;
    const a = offset + 'قال '.length;
    const c = a + actor.length + ' إن '.length;
    return { text, spans: [span('actor', a, a + actor.length), span('claim', c, c + claim.length)] };
  }
  const actor = pick(random, ACTORS);
  const claim = pick(random, CLAIMS);
  const condition = random() < 0.6 ? pick(random, CONDITIONS) : null;
  const body = condition === null ? claim : `${claim} ${condition}`;
  if (form < 0.5) {
    // “Claim condition,” actor said.
    const text = `“${capitalize(body)},” ${actor} ${pick(random, VERBS)}.`;
    const c = offset + 1;
    const a = c + body.length + 3;
    const spans = [span('claim', c, c + body.length), span('actor', a, a + actor.length)];
    if (condition !== null) spans.push(span('condition', c + claim.length + 1, c + body.length));
    return { text, spans };
  }
  const head = `${capitalize(actor)} ${pick(random, VERBS)} that `;
  const text = `${head}${body}.`;
  const c = offset + head.length;
  const spans = [span('actor', offset, offset + actor.length), span('claim', c, c + body.length)];
  if (condition !== null) spans.push(span('condition', c + claim.length + 1, c + body.length));
  return { text, spans };
}

/**
 * A news-like article of about `targetBytes` UTF-8 bytes: paragraphs of 4-8 sentences separated by '\n'. Every
 * `freeEvery`-th paragraph records no spans, so tags added there never touch an existing span.
 */
export function generateArticle(targetBytes: number, seed: number, freeEvery = 4): GeneratedArticle {
  const random = seeded(seed);
  const paragraphs: string[] = [];
  const sentences: BenchSpan[][] = [];
  let length = 0;
  let bytes = 0;
  for (let p = 0; bytes < targetBytes; p++) {
    const parts: string[] = [];
    let offset = length + (p > 0 ? 1 : 0);
    const count = 4 + Math.floor(random() * 5);
    for (let s = 0; s < count; s++) {
      if (s > 0) offset += 1;
      const sentence =
        random() < 0.55 ? attributedSentence(random, offset) : { text: pick(random, FILLERS), spans: [] };
      if (sentence.spans.length > 0 && p % freeEvery !== freeEvery - 1) sentences.push(sentence.spans);
      parts.push(sentence.text);
      offset += sentence.text.length;
    }
    const paragraph = parts.join(' ');
    paragraphs.push(paragraph);
    length = offset;
    bytes += Buffer.byteLength(paragraph) + 1;
  }
  return { text: paragraphs.join('\n'), sentences };
}

/** `count` distinct short articles (1-2 KB) for JSONL imports; `first` numbers them so texts never repeat. */
export function generateShortArticles(count: number, seed: number, first = 1): ShortArticle[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const body = generateArticle(900 + Math.floor(random() * 900), seed * 7919 + n).text;
    const date = `2024-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    return {
      id: `a${n}`,
      title: `Astana talks, report ${n}`,
      text: `ASTANA, report ${n} (${date}) —\n${body}`,
      meta: { outlet: pick(random, ['Wire', 'Daily', 'Monitor']), date },
    };
  });
}

export function toJsonl(articles: readonly ShortArticle[]): string {
  return articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
}
