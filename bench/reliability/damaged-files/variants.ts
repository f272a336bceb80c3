// The damage the damaged-files campaign inflicts (bench/reliability, Node only): more than fifty ways a
// document file or workspace.json can be broken — torn writes, zeroed pages, wrong encodings, schema breaks,
// and the semantic ones that are valid JSON (offsets past the text, quote ≠ slice, split surrogates, wrong
// sha256, duplicate ids, dangling relations, unknown labels). Each turns the good bytes into damaged bytes.
import { createHash } from 'node:crypto';
import { seeded } from '../../lib/corpus';

/** A document file, workspace.json, or the committed manifest of a batch (an import) a killed writer left. */
export type DamageTarget = 'document' | 'workspace' | 'manifest';

export interface DamageVariant {
  name: string;
  kind: 'syntax' | 'schema' | 'semantic';
  target: DamageTarget;
  /** The damaged bytes, or 'folder' for a folder standing where the file should be. */
  damage(good: Buffer): Buffer | 'folder';
  /** False where no byte-identical copy can exist (a folder) or none is wanted (a newer workspace.json). */
  quarantined?: boolean;
  /** Only in the full campaign (slow to write). */
  fullOnly?: boolean;
}

type Json = Record<string, unknown>;
interface SpanJson {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
}
interface LayerJson {
  spans: SpanJson[];
  relations: { id: string; type: string; from: string; to: string }[];
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

/** Edits the parsed file and writes it back as JSON. */
function edit(change: (doc: Json) => void): (good: Buffer) => Buffer {
  return (good) => {
    const doc = JSON.parse(good.toString('utf8')) as Json;
    change(doc);
    return json(doc);
  };
}

/** Edits the first layer of a document (the template gives it an actor, a claim and a `says` relation). */
function editLayer(change: (layer: LayerJson, text: string) => void): (good: Buffer) => Buffer {
  return edit((doc) => {
    const layer = Object.values(doc['layers'] as Record<string, LayerJson>)[0];
    if (layer === undefined || layer.spans.length < 2)
      throw new Error('the template has no layer with two spans');
    change(layer, doc['text'] as string);
  });
}

/** The first offset of `text` that falls inside a surrogate pair. */
function insidePair(text: string): number {
  for (let i = 1; i < text.length; i++)
    if (text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) return i;
  throw new Error('the template text has no surrogate pair');
}

function overwrite(good: Buffer, at: number, bytes: Buffer): Buffer {
  const copy = Buffer.from(good);
  bytes.copy(copy, Math.min(at, Math.max(0, copy.length - bytes.length)));
  return copy;
}

const span0 = (layer: LayerJson): SpanJson => layer.spans[0] as SpanJson;

const SYNTAX: [string, (good: Buffer) => Buffer | 'folder'][] = [
  ['empty file', () => Buffer.alloc(0)],
  ['cut in half', (g) => g.subarray(0, g.length >> 1)],
  ['last byte missing', (g) => g.subarray(0, g.length - 1)],
  ['only the first 100 bytes', (g) => g.subarray(0, 100)],
  ['a page of zero bytes in the middle', (g) => overwrite(g, g.length >> 1, Buffer.alloc(4096))],
  ['every byte zero', (g) => Buffer.alloc(g.length)],
  ['random bytes', (g) => Buffer.from(Array.from({ length: g.length }, seededBytes(9)))],
  [
    'an invalid UTF-8 byte inside the text',
    (g) => overwrite(g, g.indexOf('"text":"') + 10, Buffer.from([0xff])),
  ],
  ['garbage after the JSON', (g) => Buffer.concat([g, Buffer.from('\n}garbage')])],
  ['two copies back to back', (g) => Buffer.concat([g, g])],
  ['the JSON value null', () => Buffer.from('null')],
  ['an empty array', () => Buffer.from('[]')],
  ['a number', () => Buffer.from('42')],
  ['a string', () => Buffer.from('"document"')],
  ['100,000 nested arrays', () => Buffer.from('['.repeat(100_000) + ']'.repeat(100_000))],
  ['a folder where the file should be', () => 'folder'],
  ['UTF-16 instead of UTF-8', (g) => Buffer.from(`\ufeff${g.toString('utf8')}`, 'utf16le')],
  ['a key misspelt by a flipped bit', (g) => Buffer.from(g.toString('utf8').replace('"text":', '"tExt":'))],
];

function seededBytes(seed: number): () => number {
  const random = seeded(seed);
  return () => Math.floor(random() * 256);
}

const DOCUMENT_SCHEMA: [string, (doc: Json) => void][] = [
  ['no text', (d) => delete d['text']],
  ['text is a number', (d) => (d['text'] = 12)],
  ['the id is not the file name', (d) => (d['id'] = 'someone-else')],
  ['schema version 0', (d) => (d['schemaVersion'] = 0)],
  ['revision -1', (d) => (d['revision'] = -1)],
  ['layers is an array', (d) => (d['layers'] = [])],
  ['sha256 is not hex', (d) => (d['sha256'] = 'z'.repeat(64))],
  ['empty title', (d) => (d['title'] = '')],
  ['a status nobody knows', (d) => (d['status'] = { alice: 'finished' })],
  [
    'a comment without text',
    (d) => ((d['comments'] as Json[])[0] = { ...(d['comments'] as Json[])[0], text: undefined }),
  ],
  ['a meta value that is an object', (d) => (d['meta'] = { source: { nested: true } })],
];

const LAYER_SCHEMA: [string, (layer: LayerJson) => void][] = [
  ['a span start that is a string', (l) => ((span0(l) as unknown as Json)['start'] = '3')],
  ['a negative span start', (l) => (span0(l).start = -4)],
  ['a fractional span end', (l) => (span0(l).end += 0.5)],
  ['a label with characters ids cannot hold', (l) => (span0(l).label = 'claim <b>')],
];

const SEMANTIC: [string, (layer: LayerJson, text: string) => void][] = [
  ['a span ending past the text', (l, t) => (span0(l).end = t.length + 5)],
  ['a span starting after its end', (l) => ([span0(l).start, span0(l).end] = [span0(l).end, span0(l).start])],
  ['an empty span', (l) => (span0(l).end = span0(l).start)],
  ['a quote that is not the text it covers', (l) => (span0(l).quote = 'Somebody else')],
  [
    'a span starting inside a surrogate pair',
    (l, t) =>
      Object.assign(span0(l), {
        start: insidePair(t),
        end: insidePair(t) + 2,
        quote: t.slice(insidePair(t), insidePair(t) + 2),
      }),
  ],
  [
    'a span ending inside a surrogate pair',
    (l, t) =>
      Object.assign(span0(l), {
        start: insidePair(t) - 3,
        end: insidePair(t),
        quote: t.slice(insidePair(t) - 3, insidePair(t)),
      }),
  ],
  ['the same span id twice', (l) => l.spans.push({ ...span0(l) })],
  [
    'the same relation id twice',
    (l) =>
      l.relations.push({
        ...(l.relations[0] as LayerJson['relations'][number]),
        from: (l.spans[1] as SpanJson).id,
        to: span0(l).id,
      }),
  ],
  [
    'a relation from a span that does not exist',
    (l) => ((l.relations[0] as { from: string }).from = 'ghost'),
  ],
  ['a relation to a span that does not exist', (l) => ((l.relations[0] as { to: string }).to = 'ghost')],
  ['a span with a label the schema lacks', (l) => (span0(l).label = 'villain')],
  ['a relation with a type the schema lacks', (l) => ((l.relations[0] as { type: string }).type = 'hates')],
  ['a prefix that does not precede the span', (l) => (span0(l).prefix = 'not what comes before')],
];

/** A review comment as the app writes one, on `target`. */
const comment = (id: string, layer: string, targetId: string): Json => ({
  id,
  target: { layer, kind: 'span', id: targetId },
  author: layer,
  at: '2026-01-01T00:00:00.000Z',
  text: 'A comment.',
});
const firstLayerId = (d: Json): string => Object.keys(d['layers'] as Json)[0] ?? 'nobody';
const firstSpanId = (d: Json): string =>
  span0(Object.values(d['layers'] as Record<string, LayerJson>)[0] as LayerJson).id;

const DOCUMENT_SEMANTIC: [string, (doc: Json) => void][] = [
  [
    'a comment on a span that does not exist',
    (d) => (d['comments'] = [comment('c-ghost', firstLayerId(d), 'ghost')]),
  ],
  [
    'a comment in a layer that does not exist',
    (d) => (d['comments'] = [comment('c-nowhere', 'nobody', firstSpanId(d))]),
  ],
  [
    'two comments with one id',
    (d) =>
      (d['comments'] = [
        comment('c-twin', firstLayerId(d), firstSpanId(d)),
        comment('c-twin', firstLayerId(d), firstSpanId(d)),
      ]),
  ],
  ['a sha256 of another text', (d) => (d['sha256'] = 'a'.repeat(64))],
  ['the text changed after import', (d) => (d['text'] = (d['text'] as string).replace('border', 'harbor'))],
  [
    'a lone surrogate in the text (with the sha256 Node computes for it)',
    (d) => {
      d['text'] = `${d['text'] as string}\ud800`;
      d['sha256'] = createHash('sha256')
        .update(d['text'] as string, 'utf8')
        .digest('hex');
    },
  ],
];

const WORKSPACE: [string, DamageVariant['kind'], (good: Buffer) => Buffer, boolean?][] = [
  ['empty workspace.json', 'syntax', () => Buffer.alloc(0)],
  ['workspace.json cut in half', 'syntax', (g) => g.subarray(0, g.length >> 1)],
  [
    'workspace.json with a zero page',
    'syntax',
    (g) => overwrite(g, 0, Buffer.alloc(Math.min(4096, g.length))),
  ],
  [
    'workspace.json of random bytes',
    'syntax',
    (g) => Buffer.from(Array.from({ length: g.length }, seededBytes(11))),
  ],
  ['a label schema without labels', 'schema', edit((w) => ((w['labelSchema'] as Json)['labels'] = []))],
  [
    'the same annotator twice',
    'semantic',
    edit((w) => (w['annotators'] as Json[]).push({ ...(w['annotators'] as Json[])[0] })),
  ],
  [
    'an analyst whose id is the gold layer',
    'semantic',
    edit((w) => (w['annotators'] as Json[]).push({ id: 'gold', name: 'Not Gold' })),
  ],
  ['schema version 99 (a newer Tagwright)', 'schema', edit((w) => (w['schemaVersion'] = 99)), false],
];

/** Damage to a committed batch manifest (staged-batch.ts): it must be reported, kept, and nothing applied. */
const MANIFEST: [string, DamageVariant['kind'], (good: Buffer) => Buffer][] = [
  ['an empty batch manifest', 'syntax', () => Buffer.alloc(0)],
  ['a batch manifest cut in half', 'syntax', (g) => g.subarray(0, g.length >> 1)],
  [
    'a batch manifest of random bytes',
    'syntax',
    (g) => Buffer.from(Array.from({ length: g.length }, seededBytes(13))),
  ],
  ['a batch manifest whose writes are not a list', 'schema', edit((m) => (m['writes'] = 'all'))],
  [
    'a batch manifest naming a file outside the workspace',
    'schema',
    edit((m) => (((m['writes'] as Json[])[0] as Json)['target'] = '../outside.json')),
  ],
  [
    'a batch manifest whose staged file changed since',
    'semantic',
    edit((m) => (((m['writes'] as Json[])[0] as Json)['sha256'] = '0'.repeat(64))),
  ],
  [
    'a batch manifest whose staged file is gone',
    'semantic',
    edit(
      (m) => (((m['writes'] as Json[])[0] as Json)['staged'] = 'documents/.gone.json.0123456789ab.staged'),
    ),
  ],
];

export function damageVariants(): DamageVariant[] {
  const doc = (
    kind: DamageVariant['kind'],
    name: string,
    damage: DamageVariant['damage'],
  ): DamageVariant => ({ name, kind, target: 'document', damage });
  return [
    ...SYNTAX.map(([name, damage]) => ({
      ...doc('syntax', name, damage),
      quarantined: name !== 'a folder where the file should be',
    })),
    {
      ...doc('syntax', 'larger than the 64 MiB limit', (g) =>
        Buffer.concat([g, Buffer.alloc(64 * 1024 * 1024, 0x20)]),
      ),
      fullOnly: true,
    },
    ...DOCUMENT_SCHEMA.map(([name, change]) => doc('schema', name, edit(change))),
    ...LAYER_SCHEMA.map(([name, change]) => doc('schema', name, editLayer(change))),
    doc('schema', 'meta nested 5,000 levels deep', (g) => {
      const marked = edit((d) => (d['meta'] = 'DEEP'))(g).toString('utf8');
      return Buffer.from(marked.replace('"DEEP"', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`));
    }),
    doc(
      'schema',
      'schema version 2 (a newer Tagwright)',
      edit((d) => (d['schemaVersion'] = 2)),
    ),
    ...SEMANTIC.map(([name, change]) => doc('semantic', name, editLayer(change))),
    ...DOCUMENT_SEMANTIC.map(([name, change]) => doc('semantic', name, edit(change))),
    ...WORKSPACE.map(([name, kind, damage, quarantined]): DamageVariant => ({
      name,
      kind,
      target: 'workspace',
      damage,
      quarantined: quarantined ?? true,
    })),
    ...MANIFEST.map(([name, kind, damage]): DamageVariant => ({ name, kind, target: 'manifest', damage })),
  ];
}
