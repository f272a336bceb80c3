// Tokens, parts of speech, lemmas and sentences for the suggester (shared layer, pure), from wink-nlp with its
// English lite model (both pure JavaScript; the model ships inside the npm package, nothing is fetched). This is
// the only module that touches wink: the rest of the suggester sees plain tokens with UTF-16 offsets.
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  start: number;
  end: number;
  value: string;
  lower: string;
  lemma: string;
  /** Universal POS tag: PROPN, NOUN, VERB, AUX, SCONJ, PUNCT… */
  pos: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** First and last token index (inclusive). */
  first: number;
  last: number;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | null = null;

/** Loading the model takes a few hundred milliseconds, so it happens on first use, not on import. */
function engine(): Wink {
  wink ??= winkNLP(model, ['sbd', 'pos']);
  return wink;
}

/**
 * wink reports each token's text and the whitespace before it; walking the text with them gives offsets. A
 * token that does not sit where expected (never seen, but wink is not ours) is looked up further on, so one
 * surprise cannot shift every later offset.
 */
function locate(text: string, values: readonly string[], spaces: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const expected = cursor + (spaces[i] ?? '').length;
    const at = text.startsWith(value, expected) ? expected : text.indexOf(value, cursor);
    if (at < 0) return void ranges.push([cursor, cursor]);
    ranges.push([at, at + value.length]);
    cursor = at + value.length;
  });
  return ranges;
}

const WORD_PIECE = /^[\p{L}\p{M}\p{N}]+$/u;
const UPPER_START = /^\p{Lu}/u;

/**
 * wink's tokenizer cuts words at letters outside Latin-1 ("Ž|vania", "Y|ı|ld|ı|z"), which would break names
 * such as Ana Žvania or Ahmet Yıldız into fragments. Adjacent letter pieces with nothing between them are
 * joined back into one word; a joined word that starts with a capital is a proper noun.
 */
function joinWordPieces(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined.at(-1);
    const glued =
      previous !== undefined &&
      previous.end === token.start &&
      previous.sentence === token.sentence &&
      WORD_PIECE.test(previous.value) &&
      WORD_PIECE.test(token.value);
    if (!glued) {
      joined.push(token);
      continue;
    }
    const value = previous.value + token.value;
    const pos = UPPER_START.test(value) ? 'PROPN' : previous.pos === 'X' ? token.pos : previous.pos;
    const lower = value.toLowerCase();
    joined[joined.length - 1] = { ...previous, end: token.end, value, lower, lemma: lower, pos };
  }
  return joined;
}

/**
 * Sentence ranges rebuilt from the (joined) tokens' sentence numbers, made consecutive again. A line break
 * also ends a sentence: a headline or a paragraph without a final full stop must not run into the next one.
 */
function sentencesOf(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let previous = -1;
  let previousEnd = 0;
  tokens.forEach((token, i) => {
    const newLine = i > 0 && text.slice(previousEnd, token.start).includes('\n');
    previousEnd = token.end;
    if (token.sentence !== previous || newLine) {
      previous = token.sentence;
      sentences.push({ start: token.start, end: token.end, first: i, last: i });
    }
    const sentence = sentences[sentences.length - 1]!;
    sentence.last = i;
    sentence.end = token.end;
    token.sentence = sentences.length - 1;
  });
  return sentences;
}

export function analyse(text: string): Analysis {
  const nlp = engine();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value);
  const ranges = locate(text, values, doc.tokens().out(its.precedingSpaces));
  const pos = doc.tokens().out(its.pos);
  // wink's typings declare its.lemma with a parameter list that does not fit `out`; the call itself is fine.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>);
  const sentenceOf = new Int32Array(values.length);
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  spans.forEach(([first, last], index) => sentenceOf.fill(index, first, last + 1));
  const pieces = values.map((value, i): Token => {
    const [start, end] = ranges[i] ?? [0, 0];
    const lower = value.toLowerCase();
    return {
      start,
      end,
      value,
      lower,
      lemma: lemmas[i] ?? lower,
      pos: pos[i] ?? 'X',
      sentence: sentenceOf[i]!,
    };
  });
  const tokens = joinWordPieces(pieces).filter((token) => token.value.trim() !== '');
  return { text, tokens, sentences: sentencesOf(text, tokens) };
}
