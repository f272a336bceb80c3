// Test support (shared layer, tests only): arbitrary export bundles over tricky Unicode texts (spans on
// grapheme boundaries, relations, notes, attributes, ids such as "__proto__"), and a projection of a bundle
// and of a parsed package onto what a format can hold, so round-trip tests compare like with like.
import fc from 'fast-check';
import type { Annotator, DocumentRecord, LabelSchema, Layer, Relation, Span } from '../../../model';
import { anchorOf } from '../../../text/anchor';
import { graphemeBoundaries, unicodeNote, unicodeText } from '../../../text/test-support/unicode-text';
import type { ExportBundle, ExportDocument, ParsedPackage } from '../bundle';

export const testSchema: LabelSchema = {
  labels: [
    {
      id: 'claim',
      name: 'Claim',
      color: '#E69F00',
      lineStyle: 'solid',
      guideline: '',
      attributes: [{ id: 'certainty', name: 'Certainty', values: ['high', 'low'] }],
    },
    {
      id: 'condition',
      name: 'Condition',
      color: '#0072B2',
      lineStyle: 'dashed',
      guideline: '',
      attributes: [],
    },
    {
      id: 'actor',
      name: 'Actor',
      color: '#009E73',
      lineStyle: 'double',
      guideline: '',
      attributes: [
        { id: 'actor', name: 'Canonical actor', values: [] },
        { id: '__proto__', name: 'Odd id', values: [] },
      ],
    },
  ],
  relationTypes: [
    { id: 'says', name: 'says', from: ['actor'], to: ['claim'] },
    { id: 'conditions', name: 'conditions', from: ['condition'], to: ['claim'] },
  ],
};

const AT = '2026-01-02T03:04:05.000Z';
const LAYER_IDS = ['ana', 'gold', '__proto__', 'constructor', 'toString'] as const;
const SPAN_IDS = ['s1', 's2', 'constructor', '__proto__', 'toString', 's6', 's7', 's8'] as const;
const ATTRIBUTE_IDS = ['certainty', 'actor', '__proto__'] as const;
const TITLES = [
  'Report',
  'report',
  '../../etc/passwd',
  'CON',
  'a\u202Etxt.exe',
  'تقرير 😀',
  '.hidden',
  'x'.repeat(120),
];

function spanArbitrary(text: string, id: string, layer: string): fc.Arbitrary<Span> {
  const boundaries = graphemeBoundaries(text);
  return fc
    .record({
      a: fc.nat(boundaries.length - 1),
      b: fc.nat(boundaries.length - 1),
      label: fc.constantFrom(...testSchema.labels.map((l) => l.id)),
      attributes: fc.dictionary(fc.constantFrom(...ATTRIBUTE_IDS), unicodeNote(3), { maxKeys: 2 }),
      note: unicodeNote(),
    })
    .filter(({ a, b }) => a !== b)
    .map(({ a, b, label, attributes, note }) => {
      const start = boundaries[Math.min(a, b)]!;
      const end = boundaries[Math.max(a, b)]!;
      const attrs = Object.create(null) as Record<string, string>;
      for (const [key, value] of Object.entries(attributes)) attrs[key] = value;
      const span: Span = {
        ...{ id, label, start, end, ...anchorOf(text, start, end) },
        ...{ attributes: attrs, note, createdBy: layer, createdAt: AT, updatedAt: AT },
      } as Span;
      return span;
    });
}

function layerArbitrary(text: string, layer: string): fc.Arbitrary<Layer> {
  const canSpan = graphemeBoundaries(text).length > 1;
  return fc.nat(canSpan ? SPAN_IDS.length : 0).chain((count) =>
    fc.tuple(...SPAN_IDS.slice(0, count).map((id) => spanArbitrary(text, id, layer))).chain((spans) => {
      const relation = fc.record({
        from: fc.nat(Math.max(0, spans.length - 1)),
        to: fc.nat(Math.max(0, spans.length - 1)),
        type: fc.constantFrom('says', 'conditions'),
        note: unicodeNote(),
      });
      return fc.array(relation, { maxLength: spans.length === 0 ? 0 : 4 }).map((drafts) => {
        const relations = drafts.map(
          (r, i) =>
            ({
              ...{ id: i === 1 ? 'constructor' : `r${i}`, type: r.type, note: r.note },
              ...{ from: spans[r.from]!.id, to: spans[r.to]!.id, createdBy: layer, createdAt: AT },
            }) as Relation,
        );
        return { spans: [...spans], relations };
      });
    }),
  );
}

function documentArbitrary(id: string): fc.Arbitrary<ExportDocument> {
  return fc
    .record({
      text: unicodeText({ minLength: 1 }).filter((t) => t.length > 0),
      title: fc.constantFrom(...TITLES),
      layerIds: fc.uniqueArray(fc.constantFrom(...LAYER_IDS), { maxLength: 2 }),
    })
    .chain(({ text, title, layerIds }) =>
      fc.tuple(...layerIds.map((layer) => layerArbitrary(text, layer))).map((layers) => {
        const record = Object.create(null) as Record<string, Layer>;
        layerIds.forEach((layer, i) => (record[layer] = layers[i]!));
        return makeDocument(id, title, text, record);
      }),
    );
}

export function makeDocument(
  id: string,
  title: string,
  text: string,
  layers: Record<string, Layer>,
): ExportDocument {
  const doc: Omit<DocumentRecord, 'schemaVersion' | 'revision' | 'rejectedSuggestions' | 'reviewRejections'> =
    {
      id: id as DocumentRecord['id'],
      title,
      text,
      sha256: 'ab'.repeat(32),
      meta: { date: '2025-06-01', source: 'wire' },
      import: {
        ...{ sourceName: `${id}.txt`, format: 'txt', encoding: 'utf-8', hadBom: true, lineEndings: 'crlf' },
        ...{ crlfAt: [], crAt: [], importedAt: AT },
      },
      status: { ana: 'in-progress' },
      layers,
      comments: [],
    };
  return doc;
}

/** A span of `text` at [start, end) in layer "ana", its quote taken from the text (tests of single cases). */
export function makeSpan(
  id: string,
  label: string,
  text: string,
  start: number,
  end: number,
  extra: Partial<Span> = {},
): Span {
  return {
    ...{ id, label, start, end, quote: text.slice(start, end), prefix: '', suffix: '' },
    ...{ attributes: {}, note: '', createdBy: 'ana', createdAt: AT, updatedAt: AT },
    ...extra,
  } as Span;
}

/** A bundle of one document titled "Talks" with one layer "ana" (tests of single cases). */
export function oneDocumentBundle(
  text: string,
  spans: Span[],
  relations: unknown[] = [],
  title = 'Talks',
): ExportBundle {
  const doc = makeDocument('d1', title, text, { ana: { spans, relations: relations as Relation[] } });
  return { schema: testSchema, annotators: [], documents: [doc], exportedAt: AT, exportedBy: 'Ana' };
}

export const annotators: Annotator[] = [{ id: 'ana' as Annotator['id'], name: 'Ana' }];

export function bundleArbitrary(maxDocuments = 3): fc.Arbitrary<ExportBundle> {
  const ids = ['d1', 'toString', 'd3'];
  return fc
    .integer({ min: 1, max: maxDocuments })
    .chain((n) => fc.tuple(...ids.slice(0, n).map((id) => documentArbitrary(id))))
    .map((documents) => ({ schema: testSchema, annotators, documents, exportedAt: AT, exportedBy: 'Ana' }));
}

/** What a round trip is compared on; formats without ids are compared by each span's position and label. */
export interface Held {
  ids: boolean;
  /** Relation ids (default: as `ids`); Label Studio relations have none. */
  relationIds?: boolean;
  relationNotes: boolean;
}

function sortedAttributes(attributes: Record<string, string>): [string, string][] {
  return Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface FlatSpan {
  id?: string;
  label: string;
  start: number;
  end: number;
  quote?: string;
  attributes: Record<string, string>;
  note: string;
}
interface FlatRelation {
  id?: string;
  type: string;
  from: string;
  to: string;
  note: string;
}

function flatten(
  text: string,
  layer: string | undefined,
  spans: readonly FlatSpan[],
  relations: readonly FlatRelation[],
  held: Held,
): string[] {
  const keyOf = new Map(spans.map((s) => [s.id ?? '', `${s.label}@${s.start}-${s.end}`]));
  const rows = spans.map((s) =>
    JSON.stringify([
      text,
      layer,
      'span',
      held.ids ? s.id : null,
      s.label,
      s.start,
      s.end,
      sortedAttributes(s.attributes),
      s.note,
    ]),
  );
  for (const r of relations) {
    const [from, to] = held.ids ? [r.from, r.to] : [keyOf.get(r.from), keyOf.get(r.to)];
    rows.push(
      JSON.stringify([
        text,
        layer,
        'relation',
        held.ids && held.relationIds !== false ? r.id : null,
        r.type,
        from,
        to,
        held.relationNotes ? r.note : '',
      ]),
    );
  }
  return rows;
}

/** Every span and relation of the bundle as comparable rows, sorted. */
export function heldByBundle(bundle: ExportBundle, held: Held): string[] {
  return bundle.documents
    .flatMap((doc) =>
      Object.entries(doc.layers).flatMap(([layer, l]) =>
        flatten(doc.text, layer, l.spans, l.relations, held),
      ),
    )
    .sort();
}

/** Every span and relation of a parsed package as comparable rows, sorted; offsets must be UTF-16 already. */
export function heldByPackage(pkg: ParsedPackage, held: Held): string[] {
  return pkg.documents
    .flatMap((doc) => {
      if (doc.offsetUnit !== 'utf16-code-units') throw new Error('offsets were not converted to UTF-16');
      return doc.layers.flatMap((l) => flatten(doc.text ?? '', l.layer, l.spans, l.relations, held));
    })
    .sort();
}
