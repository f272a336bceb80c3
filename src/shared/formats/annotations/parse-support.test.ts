// Reading JSON annotation files: nesting past the limit is refused with its line before anything walks it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecs } from './index';
import { MAX_JSON_DEPTH, offsetPastDepth } from './parse-support';

function nested(depth: number, inner = '0'): string {
  return '['.repeat(depth) + inner + ']'.repeat(depth);
}

describe('JSON nesting depth', () => {
  it('is measured over arrays and objects and never counts brackets inside strings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.string(), (depth, inner) => {
        const text = nested(depth, JSON.stringify(`[{${inner}`));
        expect(offsetPastDepth(text, 20) >= 0).toBe(depth > 20);
      }),
    );
  });

  it('a native package with a field nested 100,000 levels deep is refused naming the file and line', () => {
    const text = `{\n  "format": "tagwright-package",\n  "extra": ${nested(100_000)}\n}\n`;
    const outcome = codecs.native.parse([{ name: 'deep.json', text, hadBom: false }]);
    expect(outcome).toMatchObject({ ok: false, file: 'deep.json', line: 3 });
    expect(outcome.ok ? '' : outcome.message).toContain(`more than ${MAX_JSON_DEPTH} levels`);
  });

  it('a JSONL record nested too deep is refused with its own line', () => {
    const text = `{"text": "a"}\n{"text": "b", "x": ${nested(MAX_JSON_DEPTH + 1)}}\n`;
    expect(codecs.jsonl.parse([{ name: 'deep.jsonl', text, hadBom: false }])).toMatchObject({
      ok: false,
      line: 2,
    });
  });
});

describe('lone surrogates in JSON annotation files', () => {
  it('a doccano line whose text holds a lone surrogate escape is refused naming that line', () => {
    const text = `{"text": "ok", "entities": []}\n{"text": "bad \\ud83d here", "entities": []}\n`;
    const outcome = codecs.doccano.parse([{ name: 'lone.jsonl', text, hadBom: false }]);
    expect(outcome).toMatchObject({ ok: false, file: 'lone.jsonl', line: 2 });
    expect(outcome.ok ? '' : outcome.message).toContain('lone surrogate');
  });

  it('a pair written as two escapes is text like any other', () => {
    const text = `{"text": "flag \\ud83c\\uddf9\\ud83c\\uddf7", "entities": []}\n`;
    expect(codecs.doccano.parse([{ name: 'pair.jsonl', text, hadBom: false }]).ok).toBe(true);
  });
});
