// Canonical actors: the tally of names (canonical actor or quote) in the analyst's layer and elsewhere, the
// assignments a rename makes, and an assignment's undo that puts back exactly the value that was there.
import { describe, expect, it } from 'vitest';
import { ActorTally, actorLabels, assignmentOp, currentAssignment, renameAssignments } from './actors';
import { applyOps } from './ops';
import { FRAME_TEXT, addSpan, frameCtx, frameSchema, sampleFrame } from './test-support/frame-layer';

const second = FRAME_TEXT.lastIndexOf('Damascus');

function twoActors() {
  const layer = sampleFrame();
  applyOps(
    layer,
    [addSpan('actor2', 'actor', [second, second + 8], { attributes: { actor: 'Syrian government' } })],
    frameCtx,
  );
  return layer;
}

describe('canonical actors', () => {
  it('tallies each actor under its canonical name, or its quote when it has none', () => {
    const tally = new ActorTally(actorLabels(frameSchema));
    tally.addLayer('d1', twoActors().toLayer(), true);
    tally.addLayer('d1', sampleFrame().toLayer(), false);
    expect(tally.list()).toEqual([
      { name: 'Damascus', spans: 1, documents: 1, elsewhere: 1, quotes: ['Damascus'] },
      { name: 'Syrian government', spans: 1, documents: 1, elsewhere: 0, quotes: ['Damascus'] },
    ]);
  });

  it('merges names: every actor span going by one of them gets the new name, once', () => {
    const layer = twoActors();
    const names = new Set(['Damascus', 'Syrian government']);
    const assignments = renameAssignments('d1', layer, actorLabels(frameSchema), names, 'Syrian government');
    expect(assignments).toEqual([{ docId: 'd1', spanId: 'actor1', value: 'Syrian government' }]);
  });

  it('undoes an assignment by restoring the value that was there, or removing the one that was not', () => {
    const layer = twoActors();
    const before = layer.spans.map((s) => ({ ...s.attributes }));
    const spans = [layer.span('actor1')!, layer.span('actor2')!];
    const undo = spans.map((s) => currentAssignment('d1', s));
    const { inverse } = applyOps(
      layer,
      spans.map((s) => assignmentOp(s, 'Assad government')),
      frameCtx,
    );
    expect(layer.spans.filter((s) => s.label === 'actor').map((s) => s.attributes['actor'])).toEqual([
      'Assad government',
      'Assad government',
    ]);
    applyOps(
      layer,
      undo.map((u) => assignmentOp(layer.span(u.spanId)!, u.value)),
      frameCtx,
    );
    expect(layer.spans.map((s) => ({ ...s.attributes }))).toEqual(before);
    expect(inverse).toHaveLength(2);
  });

  it('keeps the other attributes of a span when its canonical actor changes', () => {
    const claim = sampleFrame().span('claim1')!;
    const op = assignmentOp({ ...claim, attributes: { ...claim.attributes, actor: 'x' } }, null);
    expect(op).toMatchObject({ kind: 'update-span', changes: { attributes: { speech_act: 'demand' } } });
    expect(op.kind === 'update-span' && Object.keys(op.changes.attributes!)).toEqual(['speech_act']);
  });
});
