import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Schema, type Node } from 'prosemirror-model';
import { ParagraphOffsets } from './paragraph-offsets';

// The editor's document shape, built with the real ProseMirror model so the mapping is checked against it.
const schema = new Schema({
  nodes: { doc: { content: 'paragraph*' }, paragraph: { content: 'text*' }, text: {} },
});

function editorDoc(text: string): Node {
  const paragraphs = text
    .split('\n')
    .map((line) => schema.node('paragraph', null, line ? [schema.text(line)] : []));
  return schema.node('doc', null, paragraphs);
}

/** Every string over {a, \n} up to `maxLength` characters. */
function allTexts(maxLength: number): string[] {
  const texts = [''];
  for (let length = 1; length <= maxLength; length++) {
    for (let bits = 0; bits < 2 ** length; bits++) {
      texts.push([...Array(length).keys()].map((i) => ((bits >> i) & 1 ? '\n' : 'a')).join(''));
    }
  }
  return texts;
}

/** pos(t) = t + 1 + number of '\n' before t, straight from the definition. */
function expectedPos(text: string, offset: number): number {
  return offset + 1 + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
}

describe('ParagraphOffsets', () => {
  it('splits the text into one paragraph per line, empty lines included', () => {
    expect(new ParagraphOffsets('\na\n\nb\n').paragraphs).toEqual(['', 'a', '', 'b', '']);
    expect(new ParagraphOffsets('').paragraphs).toEqual(['']);
  });

  it('maps every text offset of every small text to the position ProseMirror gives it', () => {
    for (const text of allTexts(7)) {
      const offsets = new ParagraphOffsets(text);
      const doc = editorDoc(text);
      expect(offsets.docSize).toBe(doc.content.size);
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
      for (let t = 0; t <= text.length; t++) {
        const pos = offsets.textToPos(t);
        expect(pos).toBe(expectedPos(text, t));
        const resolved = doc.resolve(pos);
        const line = lineStarts.filter((start) => start <= t).length - 1;
        expect(resolved.parent.type.name).toBe('paragraph');
        expect(resolved.index(0)).toBe(line);
        expect(resolved.parentOffset).toBe(t - (lineStarts[line] ?? 0));
        expect(offsets.posToText(pos)).toBe(t);
      }
    }
  });

  it('clamps positions between paragraphs to the end of the earlier paragraph', () => {
    // doc( p("ab") p("") p("c") ): 0 <p> 1 a 2 b 3 </p> 4 <p> 5 </p> 6 <p> 7 c 8 </p> 9
    const offsets = new ParagraphOffsets('ab\n\nc');
    expect([...Array(10).keys()].map((pos) => offsets.posToText(pos))).toEqual([
      0, 0, 1, 2, 2, 3, 3, 4, 5, 5,
    ]);
  });

  it('maps the document edges to the text edges', () => {
    const offsets = new ParagraphOffsets('\nab\n');
    expect(offsets.posToText(0)).toBe(0);
    expect(offsets.posToText(offsets.docSize)).toBe(4);
  });

  it('refuses offsets and positions outside the document', () => {
    const offsets = new ParagraphOffsets('ab\nc');
    expect(() => offsets.textToPos(5)).toThrow(RangeError);
    expect(() => offsets.textToPos(-1)).toThrow(RangeError);
    expect(() => offsets.posToText(offsets.docSize + 1)).toThrow(RangeError);
    expect(() => offsets.posToText(1.5)).toThrow(RangeError);
  });

  it('round-trips text offsets through positions and preserves their order', () => {
    const unit = fc.constantFrom('a', '\n', '\n\n', 'é', '\u{1F600}', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        const offsets = new ParagraphOffsets(text);
        let previous = 0;
        for (let t = 0; t <= text.length; t++) {
          const pos = offsets.textToPos(t);
          expect(pos).toBe(expectedPos(text, t));
          expect(pos).toBeGreaterThan(previous);
          expect(offsets.posToText(pos)).toBe(t);
          previous = pos;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps every position to a text offset whose position is at most one step away', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n'), maxLength: 60 }), (text) => {
        const offsets = new ParagraphOffsets(text);
        for (let pos = 0; pos <= offsets.docSize; pos++) {
          const t = offsets.posToText(pos);
          expect(Math.abs(offsets.textToPos(t) - pos)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
