import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unicodeText } from '../../text/test-support/unicode-text';
import { tokenize, windowedSegments } from './conll-tokens';

const whole = (text: string, segmenter: Intl.Segmenter) =>
  [...segmenter.segment(text)].map(({ index, segment }) => ({ index, segment }));

describe('CoNLL tokens', () => {
  it('segments in windows exactly as in one pass, for words and sentences', () => {
    const segmenters = ['word', 'sentence'].map(
      (g) => new Intl.Segmenter('en', { granularity: g as 'word' }),
    );
    fc.assert(
      fc.property(unicodeText({ maxPieces: 40 }), fc.integer({ min: 4, max: 40 }), (text, window) => {
        for (const segmenter of segmenters) {
          expect([...windowedSegments(text, segmenter, window)]).toEqual(whole(text, segmenter));
        }
      }),
    );
  });

  it('keeps a full stop with the letters that follow it past an emoji, whatever the window', () => {
    // Found by the property above: ".👩‍👩‍👧claim" is one sentence, but cut after the first emoji the full stop
    // looked like the end of one (the rule looks ahead past emoji for a lower-case letter).
    const text = '.👩‍👩‍👧claim. 12 🇹🇷 x';
    const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
    for (let window = 4; window <= 20; window++) {
      expect([...windowedSegments(text, sentences, window)]).toEqual(whole(text, sentences));
    }
  });

  it('never hands the segmenter more than a window of a long text', () => {
    const text = 'Ankara 😀 said the talks would resume. سوريا موحدة\n'.repeat(300);
    const real = new Intl.Segmenter('en', { granularity: 'word' });
    const lengths: number[] = [];
    const recording = { segment: (part: string) => (lengths.push(part.length), real.segment(part)) };
    const pieces = [...windowedSegments(text, recording as unknown as Intl.Segmenter, 500)];
    expect(pieces).toEqual(whole(text, real));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(501);
    expect(lengths.length).toBeGreaterThan(text.length / 500);
  });

  it('gives each sentence its tokens, trimmed, with their offsets', () => {
    const text = 'Ankara 😀 said yes. سوريا موحدة\n\u00A0\u200Dx';
    expect(tokenize(text).map((s) => s.map((t) => [t.text, text.slice(t.start, t.end)]))).toEqual([
      [
        ['Ankara', 'Ankara'],
        ['😀', '😀'],
        ['said', 'said'],
        ['yes', 'yes'],
        ['.', '.'],
      ],
      [
        ['سوريا', 'سوريا'],
        ['موحدة', 'موحدة'],
      ],
      [
        ['\u200D', '\u200D'],
        ['x', 'x'],
      ],
    ]);
  });
});
