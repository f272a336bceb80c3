// Text queries: plain, whole-word, case-insensitive and regular-expression matching over the canonical text,
// with offsets that are UTF-16 units of the text as it is, and keyword-in-context lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitsSurrogatePair } from '../text';
import { compileQuery, findMatches, keywordInContext, type TextQuery } from './text-query';

const query = (pattern: string, mode: TextQuery['mode'] = 'plain', caseSensitive = false): RegExp => {
  const compiled = compileQuery({ pattern, mode, caseSensitive });
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.regex;
};
const found = (text: string, regex: RegExp) =>
  findMatches(text, regex, 1000).matches.map((m) => text.slice(m.start, m.end));

describe('text queries', () => {
  it('finds a plain pattern whatever its case unless asked to respect it', () => {
    const text = 'Erdogan met ERDOGAN; erdogan left.';
    expect(found(text, query('erdogan'))).toEqual(['Erdogan', 'ERDOGAN', 'erdogan']);
    expect(found(text, query('Erdogan', 'plain', true))).toEqual(['Erdogan']);
  });

  it('takes regular-expression characters in a plain pattern literally', () => {
    expect(found('costs $5 (or 5.5)', query('(or 5.5)'))).toEqual(['(or 5.5)']);
    expect(found('a.b axb', query('a.b'))).toEqual(['a.b']);
  });

  it('matches whole words only in word mode, in any script', () => {
    const text = 'Erdogan, Erdoganism and Erdogan’s aides; قال أردوغان وأردوغانية';
    expect(found(text, query('Erdogan', 'word'))).toEqual(['Erdogan', 'Erdogan']);
    expect(found(text, query('أردوغان', 'word'))).toEqual(['أردوغان']);
  });

  it('keeps offsets of the text as it is, even where lower-casing would change lengths', () => {
    const text = 'İİİ Ankara';
    const [match] = findMatches(text, query('ankara'), 10).matches;
    expect(match).toEqual({ start: 4, end: 10 });
  });

  it('runs regular expressions with ^ and $ per line and skips empty matches', () => {
    const text = 'Claim one\nno claim\nClaim two';
    expect(found(text, query('^claim \\w+$', 'regex'))).toEqual(['Claim one', 'Claim two']);
    expect(found('aaa b aa', query('a*', 'regex'))).toEqual(['aaa', 'aa']);
    expect(found('😀x😀', query('x?', 'regex'))).toEqual(['x']);
  });

  it('refuses an empty pattern and a broken regular expression with the reason', () => {
    expect(compileQuery({ pattern: '', mode: 'plain', caseSensitive: false })).toEqual({
      ok: false,
      message: 'Type something to search for.',
    });
    const broken = compileQuery({ pattern: '(unclosed', mode: 'regex', caseSensitive: false });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/not a valid regular expression \(.*group/i);
  });

  it('stops at the limit and says there is more', () => {
    const result = findMatches('a a a a', query('a'), 2);
    expect(result.matches).toHaveLength(2);
    expect(result.more).toBe(true);
    expect(findMatches('a a', query('a'), 2).more).toBe(false);
  });

  it('finds exactly the occurrences a naive scan finds, at the offsets it finds them', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', 'é', '😀', '\n'), maxLength: 60 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '😀'), minLength: 1, maxLength: 3 }),
        (text, pattern) => {
          const expected: number[] = [];
          for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + pattern.length))
            expected.push(at);
          const matches = findMatches(text, query(pattern, 'plain', true), 1000).matches;
          expect(matches.map((m) => m.start)).toEqual(expected);
          for (const m of matches) expect(text.slice(m.start, m.end)).toBe(pattern);
        },
      ),
    );
  });
});

describe('keyword in context', () => {
  it('shows the hit with the words around it on one line', () => {
    const text = 'The envoy said\nErdogan would meet Assad if the border holds.';
    const start = text.indexOf('Erdogan');
    expect(keywordInContext(text, start, start + 7, 10)).toEqual({
      before: '…nvoy said ⏎ ',
      match: 'Erdogan',
      after: ' would mee…',
    });
  });

  it('never cuts a surrogate pair at the edges of the context', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '😀', ' '), minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 8 }),
        (text, seed, width) => {
          let start = seed % text.length;
          if (splitsSurrogatePair(text, start)) start -= 1;
          const end = Math.min(text.length, start + 1 + (splitsSurrogatePair(text, start + 1) ? 1 : 0));
          const line = keywordInContext(text, start, end, width);
          for (const part of [line.before, line.after]) {
            expect(part.replace(/…/g, '')).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
          }
        },
      ),
    );
  });
});
