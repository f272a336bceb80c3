import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../model';
import { conllCodec } from './conll';
import { makeSpan as span, oneDocumentBundle } from './test-support/bundles';
import { failureOf, roundTrip } from './test-support/round-trip';

/** Words that Intl.Segmenter keeps whole: emoji sequences, flags, combining marks, Arabic, joiners. */
const WORDS = ['cat', 'سوريا', 'nai\u0308ve', '👩‍👩‍👧', '🇸🇾', 'Güler', 'don’t', 'a\u200Db', '😀'];

/** A one-sentence text of words and non-overlapping spans over whole words (what IOB2 can hold). */
const taggedSentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
  .chain((words) =>
    fc.record({
      words: fc.constant(words),
      cuts: fc.uniqueArray(fc.nat(words.length), { maxLength: 6 }),
      labels: fc.array(fc.constantFrom('claim', 'condition', 'actor', null), { minLength: 6, maxLength: 6 }),
    }),
  )
  .map(({ words, cuts, labels }) => {
    const text = words.join(' ');
    const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i === 0 ? 0 : 1));
    const bounds = [...new Set([0, ...cuts, words.length])].sort((a, b) => a - b);
    const spans: Span[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i]!, bounds[i + 1]!];
      const label = labels[i % labels.length];
      if (label === null || label === undefined) continue;
      const end = starts[to - 1]! + words[to - 1]!.length;
      spans.push(span(`s${i}`, label, text, starts[from]!, end));
    }
    return { text, spans };
  });

describe('CoNLL IOB2 codec', () => {
  it('reads back the label and words of every span of a sentence without overlaps', () => {
    fc.assert(
      fc.property(taggedSentence, ({ text, spans }) => {
        const [doc] = roundTrip(conllCodec, oneDocumentBundle(text, spans)).documents;
        expect(doc!.text).toBe(text);
        expect(doc!.layers[0]!.spans.map((s) => [s.label, s.start, s.end])).toEqual(
          spans.map((s) => [s.label, s.start, s.end]),
        );
      }),
    );
  });

  it('writes -DOCSTART- before each document, a token per line and a blank line after each sentence', () => {
    const text = 'Ankara said yes. Damascus 🇸🇾 agreed.';
    const output = conllCodec.serialize(
      oneDocumentBundle(text, [span('a', 'actor', text, 0, 6), span('c', 'claim', text, 17, 35)]),
    );
    expect(output.files.map((f) => f.path)).toEqual(['README.txt', 'ana.conll']);
    expect(output.files[1]!.content).toBe(
      [
        '-DOCSTART- O',
        '',
        'Ankara B-actor',
        'said O',
        'yes O',
        '. O',
        '',
        'Damascus B-claim',
        '🇸🇾 I-claim',
        'agreed I-claim',
        '. O',
        '',
        '',
      ].join('\n'),
    );
  });

  it('keeps the higher-priority span of an overlap and names the dropped one in a warning and README.txt', () => {
    const text = 'If the border holds, Ankara says talks resume';
    const claim = span('c', 'claim', text, 21, 45);
    const condition = span('k', 'condition', text, 0, 19);
    const actor = span('a', 'actor', text, 21, 27);
    const output = conllCodec.serialize(
      oneDocumentBundle(
        text,
        [actor, condition, claim],
        [{ id: 'r', type: 'says', from: 'a', to: 'c', note: '' }],
      ),
    );
    expect(output.warnings).toEqual([
      {
        document: 'Talks',
        message:
          'layer ana: dropped actor "Ankara" (span a): it overlaps claim "Ankara says talks resume" (span c), which has priority',
      },
      { document: 'Talks', message: 'layer ana: 1 relation(s) not written: CoNLL cannot hold relations' },
    ]);
    expect(output.files[0]!.content).toContain('- Talks: layer ana: dropped actor "Ankara" (span a)');
    expect(output.files[1]!.content).toContain('Ankara B-claim\nsays I-claim\n');
  });

  it('prefers the longest span within a label', () => {
    const text = 'talks will resume soon';
    const output = conllCodec.serialize(
      oneDocumentBundle(text, [span('short', 'claim', text, 0, 5), span('long', 'claim', text, 0, 17)]),
    );
    expect(output.warnings[0]!.message).toMatch(
      /dropped claim "talks" \(span short\): it overlaps claim "talks will resume" \(span long\)/,
    );
  });

  it('names the line that is not "token TAG"', () => {
    const failure = failureOf(
      conllCodec.parse([{ name: 'ana.conll', text: '-DOCSTART- O\n\nword O\nbroken\n', hadBom: false }]),
    );
    expect(failure).toMatchObject({ file: 'ana.conll', line: 4 });
  });
});
