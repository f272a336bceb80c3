// The suggester's evaluation corpus (data/eval/corpus.json) read and checked (shared layer, pure): every quote
// must equal its text slice, ids must be unique, relations must join spans of the right labels. Bad input gets
// an error naming the file, the document and the record; nothing is returned partially.
import { z } from 'zod';
import type { AgreementLayer } from '../agreement';
import type { SuggestOutput } from './types';

const spanSchema = z.strictObject({
  id: z.string().min(1),
  label: z.enum(['actor', 'claim', 'condition']),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
});
const relationSchema = z.strictObject({
  id: z.string().min(1),
  type: z.enum(['says', 'conditions']),
  from: z.string().min(1),
  to: z.string().min(1),
});
const documentSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  text: z.string(),
  spans: z.array(spanSchema),
  relations: z.array(relationSchema),
});
const corpusSchema = z.strictObject({ documents: z.array(documentSchema).min(1) });

export type EvalCorpus = z.infer<typeof corpusSchema>;
export type EvalDocument = z.infer<typeof documentSchema>;

/** Which labels each relation type joins (data/schema.default.json). */
const ENDS: Record<EvalDocument['relations'][number]['type'], { from: string; to: string }> = {
  says: { from: 'actor', to: 'claim' },
  conditions: { from: 'condition', to: 'claim' },
};

export class EvalCorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalCorpusError';
  }
}

function checkDocument(doc: EvalDocument, where: string): void {
  const labels = new Map<string, string>();
  for (const span of doc.spans) {
    const at = `${where}, document '${doc.id}', span '${span.id}'`;
    if (labels.has(span.id)) throw new EvalCorpusError(`${at}: the id is used twice`);
    if (span.end <= span.start || span.end > doc.text.length) {
      throw new EvalCorpusError(`${at}: offsets ${span.start}-${span.end} are not inside the text`);
    }
    const slice = doc.text.slice(span.start, span.end);
    if (slice !== span.quote) {
      throw new EvalCorpusError(
        `${at}: quote ${JSON.stringify(span.quote)} but the text says ${JSON.stringify(slice)}`,
      );
    }
    labels.set(span.id, span.label);
  }
  const relationIds = new Set<string>();
  for (const relation of doc.relations) {
    const at = `${where}, document '${doc.id}', relation '${relation.id}'`;
    if (relationIds.has(relation.id)) throw new EvalCorpusError(`${at}: the id is used twice`);
    relationIds.add(relation.id);
    const ends = ENDS[relation.type];
    for (const [end, id] of [
      ['from', relation.from],
      ['to', relation.to],
    ] as const) {
      const label = labels.get(id);
      if (label === undefined) throw new EvalCorpusError(`${at}: ${end} span '${id}' does not exist`);
      if (label !== ends[end]) {
        throw new EvalCorpusError(
          `${at}: ${relation.type} needs a ${ends[end]} as '${end}', '${id}' is a ${label}`,
        );
      }
    }
  }
}

/** Parses and checks the corpus; `where` names the file in errors. */
export function parseEvalCorpus(value: unknown, where: string): EvalCorpus {
  const parsed = corpusSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new EvalCorpusError(
      `${where}: ${path === '' ? '' : `at ${path}: `}${issue?.message ?? 'invalid corpus'}`,
    );
  }
  const ids = new Set<string>();
  for (const doc of parsed.data.documents) {
    if (ids.has(doc.id)) throw new EvalCorpusError(`${where}: document id '${doc.id}' is used twice`);
    ids.add(doc.id);
    checkDocument(doc, where);
  }
  return parsed.data;
}

/** A hand-tagged document as an agreement layer. */
export function referenceLayer(doc: EvalDocument): AgreementLayer {
  return { spans: doc.spans, relations: doc.relations };
}

/** The suggester's output as an agreement layer: span keys serve as ids. */
export function suggestionLayer(output: SuggestOutput): AgreementLayer {
  return {
    spans: output.spans.map((s) => ({ id: s.key, label: s.label, start: s.start, end: s.end })),
    relations: output.relations.map((r, i) => ({ id: `s${i + 1}`, type: r.type, from: r.from, to: r.to })),
  };
}
