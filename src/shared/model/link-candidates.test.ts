// Link candidates: only the ends the schema allows, in the right direction, nearest first, without links
// that exist; the link key takes the nearest actor before a claim, and the claim around a condition.
import { describe, expect, it } from 'vitest';
import { hasLinkCandidate, linkCandidates, nearestLink } from './link-candidates';
import { applyOps } from './ops';
import { FRAME_TEXT, addSpan, at, frameCtx, frameSchema, link } from './test-support/frame-layer';
import { LayerIndex } from './layer-index';

const second = FRAME_TEXT.lastIndexOf('Damascus');

/** Two actors (Damascus, Turkey), a claim holding a condition, and a later actor; no relations. */
function unlinked(): LayerIndex {
  const layer = new LayerIndex();
  applyOps(
    layer,
    [
      addSpan('damascus', 'actor', at('Damascus')),
      addSpan('claim', 'claim', at('Turkey withdraw its forces as a precondition for a meeting')),
      addSpan('turkey', 'actor', at('Turkey')),
      addSpan('cond', 'condition', at('as a precondition for a meeting')),
      addSpan('later', 'actor', [second, second + 8]),
    ],
    frameCtx,
  );
  return layer;
}

const describeLink = (c: { type: string; from: { id: string }; to: { id: string } } | null) =>
  c === null ? null : `${c.from.id} ${c.type} ${c.to.id}`;

describe('link candidates', () => {
  it('offers a claim its actors and conditions as sources, nearest first', () => {
    const layer = unlinked();
    const found = linkCandidates(layer.span('claim')!, layer.spans, [], frameSchema).map(describeLink);
    expect(found).toEqual([
      'turkey says claim',
      'cond conditions claim',
      'later says claim',
      'damascus says claim',
    ]);
  });

  it('offers a condition only claims, and never a link that exists', () => {
    const layer = unlinked();
    applyOps(layer, [link('r1', 'conditions', 'cond', 'claim')], frameCtx);
    expect(linkCandidates(layer.span('cond')!, layer.spans, layer.relations, frameSchema)).toEqual([]);
    expect(
      linkCandidates(layer.span('turkey')!, layer.spans, layer.relations, frameSchema).map(describeLink),
    ).toEqual(['turkey says claim']);
  });

  it('links a claim to the nearest actor before it, not to one inside or after it', () => {
    const layer = unlinked();
    expect(describeLink(nearestLink(layer.span('claim')!, layer.spans, [], frameSchema))).toBe(
      'damascus says claim',
    );
  });

  it('links a condition to the claim around it', () => {
    const layer = unlinked();
    expect(describeLink(nearestLink(layer.span('cond')!, layer.spans, [], frameSchema))).toBe(
      'cond conditions claim',
    );
  });

  it('falls back to the next allowed link once the nearest exists, and to none at the end', () => {
    const layer = unlinked();
    applyOps(layer, [link('r1', 'says', 'damascus', 'claim')], frameCtx);
    const claim = layer.span('claim')!;
    expect(describeLink(nearestLink(claim, layer.spans, layer.relations, frameSchema))).toBe(
      'turkey says claim',
    );
    const lonely = new LayerIndex();
    applyOps(lonely, [addSpan('c', 'claim', at('Damascus waits'))], frameCtx);
    expect(nearestLink(lonely.span('c')!, lonely.spans, [], frameSchema)).toBeNull();
  });
});

describe('whether a span has any link candidate', () => {
  it('agrees with the list of candidates, before and after the only link there is to make is made', () => {
    const layer = unlinked();
    const ids = ['damascus', 'claim', 'turkey', 'cond', 'later'];
    const answers = () =>
      ids.map((id) => {
        const span = layer.span(id)!;
        const listed = linkCandidates(span, layer.spans, layer.relations, frameSchema).length > 0;
        return [hasLinkCandidate(span, layer.spans, layer.relations, frameSchema), listed];
      });
    for (const [has, listed] of answers()) expect(has).toBe(listed);
    applyOps(layer, [link('r1', 'conditions', 'cond', 'claim')], frameCtx);
    expect(hasLinkCandidate(layer.span('cond')!, layer.spans, layer.relations, frameSchema)).toBe(false);
    for (const [has, listed] of answers()) expect(has).toBe(listed);
  });
});
