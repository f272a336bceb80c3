// What an analyst's edits should have left on disk (bench/reliability, Node only): random batches of span
// operations over word ranges of a text, a model of each document's layer after every acknowledged batch, and
// the verdict on a document read back from disk: the acknowledged state, that plus the one batch in flight,
// or else which acknowledged spans were lost (or, if none was, a partial batch).
import type { DocumentRecord } from '@shared/model';

export interface ModelSpan {
  label: string;
  start: number;
  end: number;
  note: string;
}

export type WireOp =
  | { kind: 'add-span'; span: { id: string; label: string; start: number; end: number } }
  | { kind: 'remove-span'; spanId: string }
  | { kind: 'update-span'; spanId: string; changes: { label?: string; note?: string } };

export type LayerModel = Map<string, ModelSpan>;

const LABELS = ['claim', 'condition', 'actor'] as const;

/** Word ranges of `text` (runs of non-space), so spans never split a surrogate pair or a grapheme. */
export function wordRanges(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function applyToModel(model: LayerModel, ops: readonly WireOp[]): LayerModel {
  const next = new Map(model);
  for (const op of ops) {
    if (op.kind === 'add-span') {
      const { label, start, end } = op.span;
      next.set(op.span.id, { label, start, end, note: '' });
    } else if (op.kind === 'remove-span') next.delete(op.spanId);
    else {
      const span = next.get(op.spanId);
      if (span !== undefined) next.set(op.spanId, { ...span, ...op.changes });
    }
  }
  return next;
}

/** Generates valid batches of 1-3 ops against a model; `prefix` keeps span ids unique across processes. */
export class BatchGenerator {
  private serial = 0;

  constructor(
    private readonly random: () => number,
    private readonly words: readonly { start: number; end: number }[],
    private readonly prefix: string,
    private readonly maxSpans = 60,
  ) {}

  next(model: LayerModel): WireOp[] {
    const ops: WireOp[] = [];
    let scratch = model;
    const size = 1 + Math.floor(this.random() * 3);
    for (let i = 0; i < size; i++) {
      const op = this.one(scratch);
      ops.push(op);
      scratch = applyToModel(scratch, [op]);
    }
    return ops;
  }

  private one(model: LayerModel): WireOp {
    const ids = [...model.keys()];
    const roll = this.random();
    const pickId = (): string => ids[Math.floor(this.random() * ids.length)] as string;
    if (ids.length > 0 && (roll < 0.2 || ids.length >= this.maxSpans))
      return { kind: 'remove-span', spanId: pickId() };
    if (ids.length > 0 && roll < 0.4) {
      const label = LABELS[Math.floor(this.random() * LABELS.length)] as string;
      return { kind: 'update-span', spanId: pickId(), changes: { label, note: `note ${this.serial++}` } };
    }
    const first = Math.floor(this.random() * this.words.length);
    const last = Math.min(this.words.length - 1, first + Math.floor(this.random() * 3));
    const label = LABELS[Math.floor(this.random() * LABELS.length)] as string;
    const start = this.words[first]?.start ?? 0;
    const end = this.words[last]?.end ?? 1;
    return { kind: 'add-span', span: { id: `${this.prefix}-${this.serial++}`, label, start, end } };
  }
}

/** The layer as stored on disk, in the model's terms. */
export function modelOfDisk(doc: DocumentRecord, layer: string): LayerModel {
  const spans = Object.hasOwn(doc.layers, layer)
    ? (doc.layers[layer as keyof typeof doc.layers]?.spans ?? [])
    : [];
  return new Map(
    spans.map((s) => [s.id as string, { label: s.label, start: s.start, end: s.end, note: s.note }]),
  );
}

function sameSpan(a: ModelSpan | undefined, b: ModelSpan): boolean {
  return (
    a !== undefined && a.label === b.label && a.start === b.start && a.end === b.end && a.note === b.note
  );
}

function sameModel(a: LayerModel, b: LayerModel): boolean {
  return a.size === b.size && [...a].every(([id, span]) => sameSpan(b.get(id), span));
}

export type Verdict = { kind: 'ok' } | { kind: 'lost'; spanIds: string[] } | { kind: 'partial' };

/**
 * Judges what is on disk against the acknowledged model and the batch in flight when the writer stopped
 * (null if none): either state is fine; anything else loses acknowledged spans or shows half a batch.
 */
export function judge(disk: LayerModel, acked: LayerModel, inFlight: readonly WireOp[] | null): Verdict {
  if (sameModel(disk, acked)) return { kind: 'ok' };
  if (inFlight !== null && sameModel(disk, applyToModel(acked, inFlight))) return { kind: 'ok' };
  const touched = new Set((inFlight ?? []).map((op) => (op.kind === 'add-span' ? op.span.id : op.spanId)));
  const lost = [...acked].filter(([id, span]) => !touched.has(id) && !sameSpan(disk.get(id), span));
  return lost.length > 0 ? { kind: 'lost', spanIds: lost.map(([id]) => id) } : { kind: 'partial' };
}
