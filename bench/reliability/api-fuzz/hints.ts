// What the contract fuzzer aims at (bench/reliability, Node only): ids of documents, layers, spans and comments
// that exist, prototype keys as ids, names and object keys ("constructor", "__proto__"…), offsets that split
// surrogate pairs, hostile file names and file contents for imports (annotated imports start from the world's
// own exports, whole or damaged); and a mutator that breaks a generated request (a key dropped, a value of the
// wrong type, an extra or prototype key, deep nesting).
import fc from 'fast-check';
import type { MethodName } from '@shared/api';
import { arbitraryFor, requestSchema, type FieldPath, type Hints } from './schema-arbitrary';
import type { ExportedFile, FuzzWorld } from './world';

/** Keys that find Object.prototype members in a plain object. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];
export const ANALYST_NAMES = [
  'Constructor',
  '__proto__',
  'toString',
  'Has Own Property',
  'Value Of',
  'Gold',
  'gold',
  'Dana',
  'Ünïcödé Ñame',
  '👩‍👩‍👧',
  '<img src=x onerror=alert(1)>',
  ' '.repeat(3),
  'x'.repeat(80),
];
const FILE_NAMES = [
  'a.txt',
  'corpus.jsonl',
  'page.html',
  'notes.md',
  '__proto__.txt',
  'constructor.jsonl',
  'toString.md',
  '../../etc/passwd.txt',
  'C:\\evil\\x.txt',
  '<img src=x onerror=alert(1)>.txt',
  'no-extension',
  '.txt',
  `${'x'.repeat(300)}.txt`,
  'ünï.MD',
];

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const idLike = (known: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(fc.constantFrom(...known, ...PROTO_KEYS), fc.stringMatching(ID), fc.string({ maxLength: 70 }));

const jsonlRecord = fc.record(
  {
    text: fc.oneof(
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.constant('lone \ud800 surrogate'),
      fc.constant(''),
    ),
    id: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })),
    title: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 20 })),
    meta: fc.dictionary(
      fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })),
      fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant({ nested: 1 })),
    ),
  },
  { requiredKeys: [] },
);

/** File contents an import may receive: text, JSONL with prototype keys, HTML, broken encodings, nothing. */
const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }).map((s) => Buffer.from(s)),
  fc
    .array(jsonlRecord, { minLength: 1, maxLength: 4 })
    .map((records) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'))),
  fc.constant(
    Buffer.from(
      '{"text":"polluting","meta":{"__proto__":{"polluted":true},"constructor":"x"}}\n{"text":"a\\ud800b"}',
    ),
  ),
  fc.constant(
    Buffer.from(
      '<html><head><title>__proto__</title></head><body><p>constructor</p><script>x</script></body></html>',
    ),
  ),
  fc.uint8Array({ maxLength: 200 }),
  fc.constant(Buffer.alloc(0)),
);

/** An export of the world, damaged: a byte changed, cut short, or a key or label renamed to a prototype key. */
function damagedExport(exported: ExportedFile, pick: number, protoKey: string): string {
  const bytes = Buffer.from(exported.dataBase64, 'base64');
  const at = pick % Math.max(1, bytes.length);
  const ways = [
    () => Buffer.concat([bytes.subarray(0, at), Buffer.from([pick % 256]), bytes.subarray(at + 1)]),
    () => bytes.subarray(0, at),
    () =>
      Buffer.from(bytes.toString('utf8').replace(/"(label|type|layer|id)":"[^"]*"/g, `"$1":"${protoKey}"`)),
    () => Buffer.from(bytes.toString('utf8').replace(/"(\w+)":/, `"${protoKey}":`)),
  ];
  return (ways[pick % ways.length] as () => Buffer)().toString('base64');
}

/** Contents of an annotated import: the world's exports, whole or damaged, or any file at all. */
function annotatedFiles(world: FuzzWorld): fc.Arbitrary<string> {
  const exported = fc.constantFrom(...world.exports);
  return fc.oneof(
    { weight: 4, arbitrary: exported.map((e) => e.dataBase64) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(exported, fc.nat(), fc.constantFrom(...PROTO_KEYS))
        .map(([e, pick, key]) => damagedExport(e, pick, key)),
    },
    { weight: 2, arbitrary: fileBytes.map((b) => Buffer.from(b).toString('base64')) },
  );
}

const ANNOTATED_NAMES = ['doc.ann', 'doc.txt', 'gold/doc.ann', 'package.zip', '__proto__.ann', 'a.json'];

/** Hints keyed by the field's name (and, where names repeat, by its parent); some depend on the method. */
export function hintsFor(world: FuzzWorld, method: MethodName): Hints {
  const annotated = method === 'import:preview' || method === 'import:commit';
  const layers = idLike(world.layers);
  return (path: FieldPath) => {
    const field = path.at(-1) ?? '';
    const parent = path.at(-2) ?? '';
    if (field === 'docId' || field === 'documentId' || (field === '[]' && parent === 'ids'))
      return idLike(world.docIds);
    if (field === 'layer' && annotated)
      return fc.oneof(layers, fc.constantFrom(...ANALYST_NAMES), fc.string({ maxLength: 90 }));
    if (['layer', 'annotator', 'createdBy', 'decidedBy', 'a', 'b'].includes(field)) return layers;
    if (field === '[]' && parent === 'layers') return layers;
    if (field === 'commentId') return idLike(world.commentIds);
    if (field === 'taskId')
      return fc.oneof(fc.constantFrom('task-0001', 'task-0002', '__proto__'), fc.string({ maxLength: 70 }));
    if (field === 'name' && path.length === 1)
      return fc.oneof(fc.constantFrom(...ANALYST_NAMES), fc.string({ maxLength: 90 }));
    if (field === 'name' && parent === '[]')
      return fc.oneof(
        fc.constantFrom(
          ...(annotated ? [...ANNOTATED_NAMES, ...world.exports.map((e) => e.name)] : FILE_NAMES),
        ),
        fc.string({ maxLength: 40 }),
      );
    if (field === 'dataBase64' && annotated)
      return fc.oneof({ weight: 9, arbitrary: annotatedFiles(world) }, { weight: 1, arbitrary: fc.string() });
    if (field === 'dataBase64')
      return fc.oneof(
        { weight: 9, arbitrary: fileBytes.map((b) => Buffer.from(b).toString('base64')) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      );
    if (
      ['spanId', 'relationId', 'from', 'to'].includes(field) ||
      (field === 'id' && ['span', 'relation', 'target', '[]'].includes(parent))
    )
      return idLike(world.spanIds);
    if (field === '[]' && parent === 'labels')
      return fc.constantFrom('claim', 'condition', 'actor', 'villain', ...PROTO_KEYS);
    if (field === 'label' || field === 'type' || field === 'relationType')
      return fc.constantFrom('claim', 'condition', 'actor', 'says', 'conditions', 'villain', ...PROTO_KEYS);
    if (field === 'start' || field === 'end') {
      return fc.oneof(
        fc.integer({ min: -2, max: world.textLength + 3 }),
        fc.constantFrom(...world.insidePairs, world.textLength),
      );
    }
    if (field === '{}key') return fc.constantFrom(...PROTO_KEYS, 'tone', 'source');
    return undefined;
  };
}

/** A value of any kind, for replacing a field: wrong types, prototype-keyed objects, deep nesting. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
  fc.constantFrom(-1, 1e300, Number.NaN, Infinity, '', 'x'.repeat(10_000), '\ud800'),
  fc.constant(
    JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    ) as unknown,
  ),
  fc.constant(JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) as unknown),
);

type Container = Record<string, unknown>;

function containers(value: unknown, into: Container[] = []): Container[] {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    into.push(value as Container);
    for (const child of Object.values(value)) containers(child, into);
  }
  return into;
}

/** Breaks one thing in a generated request; `choice` and `pick` make the break reproducible. */
export function mutate(value: unknown, choice: number, pick: number, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const targets = containers(copy);
  const target = targets[pick % Math.max(targets.length, 1)];
  if (target === undefined) return replacement;
  const keys = Object.keys(target);
  const key = keys[pick % Math.max(keys.length, 1)];
  const protoKey = PROTO_KEYS[pick % PROTO_KEYS.length] as string;
  if (choice === 0 && key !== undefined) delete target[key];
  else if (choice === 1 && key !== undefined) target[key] = replacement;
  else if (choice === 2)
    Object.defineProperty(target, protoKey, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else return replacement;
  return copy;
}

/**
 * The seed corpus: valid requests that touch every document as the local analyst (a tag, a status, a read) and
 * the review and exchange paths that need several fields to agree (two layers that exist, a span to reject, an
 * export to import back), so paths needing a long run of luck to reach are exercised in every batch, the quick
 * sample included.
 */
export function seedRequests(method: MethodName, world: FuzzWorld): unknown[] {
  const docs = world.docIds.filter((id) => id !== 'missing');
  const first = docs[0] ?? '';
  const pair = [world.layer, 'colleague'];
  const exported = (format: string) => world.exports.filter((e) => e.format === format);
  const bySeed: Partial<Record<MethodName, unknown[]>> = {
    'document:get': docs.map((docId) => ({ docId })),
    'document:set-status': docs.map((docId) => ({ docId, annotator: world.layer, status: 'done' })),
    'annotations:apply': docs.map((docId, i) => ({
      docId,
      layer: world.layer,
      ops: [
        { kind: 'add-span', span: { id: `seed${i}`, label: 'claim', start: 0, end: 5, note: 'constructor' } },
      ],
    })),
    'export:run': ['native', 'brat', 'w3c', 'conll', 'csv'].map((format, i) => ({
      format,
      layers: pair,
      labels: [],
      documents: { kind: 'ids', ids: docs },
      destination: 'save-dialog',
      taskId: `seed-export-${i}`,
    })),
    'import:preview': world.exports.map((e) => ({ format: e.format, layer: 'Second Colleague', files: [e] })),
    'import:commit': [
      ...exported('native').map((e) => ({ format: 'native', layer: '__proto__', files: [e] })),
      ...exported('brat').map((e) => ({ format: 'brat', layer: 'Constructor', files: [e] })),
    ],
    'review:agreement': [
      { layers: pair, labels: [] },
      { layers: [...pair, 'gold'], labels: ['actor'] },
    ],
    'review:disagreements': [{ address: { metric: 'spanExact', layers: pair, documentId: first } }],
    'review:compare': [
      { a: world.layer, b: 'colleague' },
      { a: 'gold', b: '__proto__' },
    ],
    'review:decide': [{ docId: first, reject: [{ layer: 'colleague', id: '1' }], unreject: [], reason: '' }],
    'comments:add': [{ docId: first, target: { layer: world.layer, kind: 'span', id: 's1' }, text: 'Why?' }],
    'comments:remove': world.commentIds.map((commentId) => ({ docId: first, commentId })),
  };
  return (bySeed[method] ?? []).map((seed) =>
    method === 'import:preview' || method === 'import:commit' ? stripFormat(seed) : seed,
  );
}

/**
 * The batch's last requests, after everything generated (which may put a span back): a span is tagged, a
 * comment added to it, and the span removed. What is on disk afterwards must still open.
 */
export function closingRequests(world: FuzzWorld): [MethodName, unknown][] {
  const docId = world.docIds[0] ?? '';
  const layer = world.layer;
  const span = { id: 'closing', label: 'claim', start: 0, end: 7 };
  return [
    ['annotator:set-local', { annotatorId: layer }],
    ['annotations:apply', { docId, layer, ops: [{ kind: 'add-span', span }] }],
    ['comments:add', { docId, target: { layer, kind: 'span', id: 'closing' }, text: 'Remove it?' }],
    ['annotations:apply', { docId, layer, ops: [{ kind: 'remove-span', spanId: 'closing' }] }],
  ];
}

/** Exported files carry their format for the seeds' use; a request's file has only a name and the bytes. */
function stripFormat(seed: unknown): unknown {
  const request = seed as { files: ExportedFile[] };
  return { ...request, files: request.files.map(({ name, dataBase64 }) => ({ name, dataBase64 })) };
}

/** Requests for one method: mostly shaped by its schema, a third broken on purpose, some pure junk. */
export function payloadArbitrary(method: MethodName, world: FuzzWorld): fc.Arbitrary<unknown> {
  const shaped = arbitraryFor(requestSchema(method), [], hintsFor(world, method));
  const broken = fc
    .tuple(shaped, fc.nat(3), fc.nat(), junk)
    .map(([value, choice, pick, replacement]) => mutate(value, choice, pick, replacement));
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 3, arbitrary: broken },
    { weight: 1, arbitrary: junk },
  );
}
