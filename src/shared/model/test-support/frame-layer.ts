// Test support (shared layer, tests only): the default-like schema with attributes, and the sample frame
// "Damascus insists that Turkey withdraw its forces as a precondition for a meeting" built through the ops.
import type { DocumentRecord, Layer } from '../document';
import type { AnnotatorId, DocId, RelationId, SpanId } from '../ids';
import type { LabelSchema } from '../label-schema';
import { LayerIndex } from '../layer-index';
import { applyOps, type AnnotationOp, type OpsContext } from '../ops';
import { emptyRecord, setEntry } from '../records';

export const frameSchema: LabelSchema = {
  labels: [
    {
      id: 'claim',
      name: 'Claim',
      color: '#E69F00',
      lineStyle: 'solid',
      hotkey: '1',
      guideline: '',
      attributes: [
        { id: 'speech_act', name: 'Speech act', values: ['assertion', 'demand', 'denial'] },
        { id: 'stance', name: 'Stance', values: ['supportive', 'opposed'] },
      ],
    },
    {
      id: 'condition',
      name: 'Condition',
      color: '#0072B2',
      lineStyle: 'dashed',
      hotkey: '2',
      guideline: '',
      attributes: [],
    },
    {
      id: 'actor',
      name: 'Actor',
      color: '#009E73',
      lineStyle: 'double',
      hotkey: '3',
      guideline: '',
      attributes: [{ id: 'actor', name: 'Canonical actor', values: [] }],
    },
  ],
  relationTypes: [
    { id: 'says', name: 'says', from: ['actor'], to: ['claim'] },
    { id: 'conditions', name: 'conditions', from: ['condition'], to: ['claim'] },
  ],
};

export const FRAME_TEXT =
  'Damascus insists that Turkey withdraw its forces as a precondition for a meeting. Damascus waits.';

export const frameCtx: OpsContext = {
  text: FRAME_TEXT,
  schema: frameSchema,
  annotator: 'dana' as AnnotatorId,
  now: '2026-01-01T00:00:00.000Z',
};

export const at = (quote: string, text = FRAME_TEXT): [number, number] => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return [start, start + quote.length];
};

export const addSpan = (id: string, label: string, range: [number, number], extra = {}): AnnotationOp => ({
  kind: 'add-span',
  span: { id: id as SpanId, label, start: range[0], end: range[1], ...extra },
});

export const link = (id: string, type: string, from: string, to: string): AnnotationOp => ({
  kind: 'add-relation',
  relation: { id: id as RelationId, type, from: from as SpanId, to: to as SpanId },
});

/** Damascus says the claim, which a condition conditions; the claim is a demand. */
export function sampleFrame(): LayerIndex {
  const layer = new LayerIndex();
  applyOps(
    layer,
    [
      addSpan('actor1', 'actor', at('Damascus')),
      addSpan('claim1', 'claim', at('Turkey withdraw its forces as a precondition for a meeting'), {
        attributes: { speech_act: 'demand' },
      }),
      addSpan('cond1', 'condition', at('Turkey withdraw its forces')),
      link('r1', 'says', 'actor1', 'claim1'),
      link('r2', 'conditions', 'cond1', 'claim1'),
    ],
    frameCtx,
  );
  return layer;
}

/** A document holding `layer` as Dana's layer over FRAME_TEXT (no hash: tests check without one). */
export function frameDocument(layer: Layer, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  const layers = emptyRecord<Layer>();
  setEntry(layers, 'dana', layer);
  return {
    schemaVersion: 1,
    id: 'd1' as DocId,
    title: 'Astana',
    text: FRAME_TEXT,
    sha256: '0'.repeat(64),
    meta: {},
    import: {
      sourceName: 'astana.txt',
      format: 'txt',
      encoding: 'utf-8',
      hadBom: false,
      lineEndings: 'lf',
      crlfAt: [],
      crAt: [],
      importedAt: '2026-01-01T00:00:00.000Z',
    },
    status: {},
    layers,
    comments: [],
    rejectedSuggestions: [],
    reviewRejections: [],
    revision: 1,
    ...extra,
  };
}
