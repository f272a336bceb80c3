// Frames: a claim with its actors and conditions, the one definition the claims table, the corpus view and
// frames.csv share; canonical actor names, code-point offsets and the columns a frame table has.
import { describe, expect, it } from 'vitest';
import { documentFrames, endsOf, frameName, frameTypes, speakerTypes, speakersOf } from './frames';
import { applyOps } from './ops';
import {
  FRAME_TEXT,
  at,
  addSpan,
  frameCtx,
  frameSchema,
  link,
  sampleFrame,
} from './test-support/frame-layer';

const doc = { id: 'd1', title: 'Astana', text: FRAME_TEXT, meta: { date: '2024-11-12' } };

describe('frames', () => {
  it('shows a claim with the actor who says it and the condition that conditions it', () => {
    const rows = documentFrames(doc, 'dana', sampleFrame().toLayer(), frameSchema);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.target.quote).toBe('Turkey withdraw its forces as a precondition for a meeting');
    expect(endsOf(row!, 'says').map((e) => e.name)).toEqual(['Damascus']);
    expect(endsOf(row!, 'conditions').map((e) => e.quote)).toEqual(['Turkey withdraw its forces']);
    expect(row!.docDate).toBe('2024-11-12');
  });

  it('lists a claim without relations too, and never an actor or condition on its own', () => {
    const layer = sampleFrame();
    applyOps(layer, [addSpan('claim2', 'claim', at('Damascus waits'))], frameCtx);
    const rows = documentFrames(doc, 'dana', layer.toLayer(), frameSchema);
    expect(rows.map((r) => r.target.id)).toEqual(['claim1', 'claim2']);
    expect(rows[1]!.links).toEqual([]);
  });

  it('names an actor by its canonical actor when one is set, and by its quote otherwise', () => {
    expect(frameName({ quote: 'Ankara', attributes: { actor: 'Recep Tayyip Erdogan' } })).toBe(
      'Recep Tayyip Erdogan',
    );
    expect(frameName({ quote: 'Ankara', attributes: { actor: '  ' } })).toBe('Ankara');
    const constructor = Object.create(null) as Record<string, string>;
    constructor['constructor'] = 'x';
    expect(frameName({ quote: 'Ankara', attributes: constructor })).toBe('Ankara');
  });

  it('counts offsets in code points for exports, over a text with an emoji before the claim', () => {
    const text = `🇹🇷 ${FRAME_TEXT}`;
    const layer = sampleFrame().toLayer();
    const shifted = {
      spans: layer.spans.map((s) => ({ ...s, start: s.start + 5, end: s.end + 5 })),
      relations: layer.relations,
    };
    const [row] = documentFrames({ ...doc, text }, 'dana', shifted, frameSchema);
    expect(row!.startCp).toBe(row!.target.start - 2);
    expect([...text].slice(row!.startCp, row!.endCp).join('')).toBe(row!.target.quote);
  });

  it('has a column per relation type of the schema, then any other type the rows use', () => {
    const layer = sampleFrame();
    const rows = documentFrames(doc, 'dana', layer.toLayer(), frameSchema);
    expect(frameTypes(frameSchema, rows)).toEqual(['says', 'conditions']);
    const odd = { ...rows[0]!, links: [...rows[0]!.links, { type: 'quotes', ends: [] }] };
    expect(frameTypes(frameSchema, [odd])).toEqual(['says', 'conditions', 'quotes']);
  });

  it('takes the relation types from actors as the speakers, without repeating a name', () => {
    const layer = sampleFrame();
    const second = FRAME_TEXT.lastIndexOf('Damascus');
    const ops = [
      addSpan('actor2', 'actor', [second, second + 'Damascus'.length]),
      link('r3', 'says', 'actor2', 'claim1'),
    ];
    applyOps(layer, ops, frameCtx);
    expect(speakerTypes(frameSchema)).toEqual(['says']);
    const [row] = documentFrames(doc, 'dana', layer.toLayer(), frameSchema);
    expect(speakersOf(row!, speakerTypes(frameSchema))).toEqual(['Damascus']);
  });
});
