// Attacks on each annotated format's own reader (bench/reliability, Node only): edits of a valid export where
// the format keeps offsets and references — a span ending past the text, ending before it starts, starting
// inside a surrogate pair, a quote that is not the text, a relation or comment to something that is not
// there — each of which must be refused, naming the file (and the line, where the format is line-based); and
// stress cases for the readers (deep nesting, an 8 MB line, 200,000 brat lines, a zip of 25,000 files, a zip
// that claims to unpack to 3.75 GiB).
import { zipSync } from 'fflate';
import type { ImportableFormat } from '@shared/formats/annotations';
import type { AnnotatedFile } from './annotated-mutations';
import type { AnnotatedSample, RequestFile } from './annotated-samples';

type Json = Record<string, unknown>;
type Edit = [attack: string, change: (value: Json, text: string) => void];

const codePoints = (text: string): number => [...text].length;
const arr = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** The first offset of `text` inside a surrogate pair (the generated articles carry flags). */
function insidePair(text: string): number {
  for (let i = 1; i < text.length; i++) if (/[\uDC00-\uDFFF]/.test(text.charAt(i))) return i;
  return 1;
}

/** Edits of one JSON-lines record (doccano, JSONL with spans): the line it is on must be named. */
const LINE_EDITS: Partial<Record<ImportableFormat, Edit[]>> = {
  doccano: [
    [
      'an entity ending past the text',
      (r, t) => (obj(arr(r['entities'])[0])['end_offset'] = codePoints(t) + 5),
    ],
    [
      'an entity ending where it starts',
      (r) => (obj(arr(r['entities'])[0])['end_offset'] = obj(arr(r['entities'])[0])['start_offset']),
    ],
    ['a relation to an entity that is not there', (r) => (obj(arr(r['relations'])[0])['to_id'] = 9999)],
    ['a label that is no id ("Named Entity")', (r) => (obj(arr(r['entities'])[0])['label'] = 'Named Entity')],
  ],
  jsonl: [
    ['a span ending past the text', (r, t) => (obj(arr(r['spans'])[0])['end'] = codePoints(t) + 5)],
    ['a span whose quote is not the text', (r) => (obj(arr(r['spans'])[0])['text'] = 'Somebody else')],
    ['a relation to a span that is not there', (r) => (obj(arr(r['relations'])[0])['to'] = 'ghost')],
    ['a relation type that is no id ("says to")', (r) => (obj(arr(r['relations'])[0])['type'] = 'says to')],
  ],
};

const firstLayer = (doc: Json): Json => obj(Object.values(obj(doc['layers']))[0]);
const firstDoc = (pkg: Json): Json => obj(arr(pkg['documents'])[0]);

/** Edits of a whole-file JSON export (native, Label Studio, W3C). */
const FILE_EDITS: Partial<Record<ImportableFormat, Edit[]>> = {
  native: [
    [
      'a span ending past the text',
      (p) => (obj(arr(firstLayer(firstDoc(p))['spans'])[0])['end'] = String(firstDoc(p)['text']).length + 5),
    ],
    [
      'a span whose quote is not the text',
      (p) => (obj(arr(firstLayer(firstDoc(p))['spans'])[0])['quote'] = 'Somebody else'),
    ],
    [
      'a span starting inside a surrogate pair',
      (p) => {
        const text = String(firstDoc(p)['text']);
        const at = insidePair(text);
        Object.assign(obj(arr(firstLayer(firstDoc(p))['spans'])[0]), {
          start: at,
          end: at + 3,
          quote: text.slice(at, at + 3),
        });
      },
    ],
    [
      'a relation to a span that is not there',
      (p) => (obj(arr(firstLayer(firstDoc(p))['relations'])[0])['to'] = 'ghost'),
    ],
    [
      'a comment on a span that is not there',
      (p) => (obj(obj(arr(firstDoc(p)['comments'])[0])['target'])['id'] = 'ghost'),
    ],
  ],
  labelstudio: [
    [
      'a region ending past the text',
      (p, t) =>
        (obj(obj(arr(obj(arr(obj(arr(p)[0])['annotations'])[0])['result'])[0])['value'])['end'] =
          codePoints(t) + 5),
    ],
    [
      'a relation to a region that is not there',
      (p) => {
        const results = arr(obj(arr(obj(arr(p)[0])['annotations'])[0])['result']);
        const relation = results.find((r) => r['type'] === 'relation');
        if (relation !== undefined) relation['to_id'] = 'ghost';
      },
    ],
  ],
  w3c: [
    [
      'a position past the text, and a quote nowhere in it',
      (p) => {
        const selectors = arr(obj(obj(arr(obj(p['first'])['items'])[0])['target'])['selector']);
        for (const selector of selectors)
          Object.assign(selector, { start: 999_999, end: 1_000_000, exact: 'Nowhere' });
      },
    ],
  ],
};

/**
 * Damage an importer may also get past without storing anything invalid: a W3C reader may re-anchor by quote
 * and report the span as unplaced, a dangling comment may be left out with a warning, and a label or relation
 * type that cannot be an id may be given one. Whatever it does, the preview must say what the commit does.
 */
const MAY_IMPORT = new Set([
  'a position past the text, and a quote nowhere in it',
  'a comment on a span that is not there',
  'a label that is no id ("Named Entity")',
  'a relation type that is no id ("says to")',
]);

function editedLine(sample: AnnotatedSample, [attack, change]: Edit): AnnotatedFile {
  const file = sample.files[0] as RequestFile;
  const lines = file.bytes.toString('utf8').split('\n');
  const index = lines.findIndex((line) => line.includes('"relations":[{'));
  const record = JSON.parse(lines[index] ?? '{}') as Json;
  change(record, String(record['text'] ?? ''));
  lines[index] = JSON.stringify(record);
  const bytes = Buffer.from(lines.join('\n'));
  const line = index + 1;
  const mustRefuse = !MAY_IMPORT.has(attack);
  return {
    format: sample.format,
    files: [{ name: file.name, bytes }],
    name: file.name,
    attack,
    mustRefuse,
    line,
    hasLines: true,
  };
}

function editedFile(sample: AnnotatedSample, [attack, change]: Edit): AnnotatedFile {
  const file = sample.files[0] as RequestFile;
  const value = JSON.parse(file.bytes.toString('utf8')) as Json;
  const text = String(obj(obj(arr(value)[0])['data'])['text'] ?? '');
  change(value, text);
  const bytes = Buffer.from(JSON.stringify(value, null, 2));
  const mustRefuse = !MAY_IMPORT.has(attack);
  return {
    format: sample.format,
    files: [{ name: file.name, bytes }],
    name: file.name,
    attack,
    mustRefuse,
    hasLines: true,
  };
}

/** brat .ann lines that point past the text or at an entity that is not there. */
function bratEdits(sample: AnnotatedSample): AnnotatedFile[] {
  const index = sample.files.findIndex((f) => f.name.endsWith('.ann'));
  const ann = sample.files[index] as RequestFile;
  const edit = (attack: string, extra: string): AnnotatedFile => {
    const bytes = Buffer.concat([ann.bytes, Buffer.from(extra)]);
    const line = ann.bytes.toString('utf8').split('\n').length + (ann.bytes.at(-1) === 0x0a ? 0 : 1);
    const files = sample.files.map((f, i) => (i === index ? { name: f.name, bytes } : f));
    return { format: 'brat', files, name: ann.name, attack, mustRefuse: true, line, hasLines: true };
  };
  const sep = ann.bytes.at(-1) === 0x0a ? '' : '\n';
  return [
    edit('a text-bound annotation ending past the text', `${sep}T9001\tactor 0 9999999\tErdogan\n`),
    edit('a relation to an entity that is not there', `${sep}R9001\tsays Arg1:T1 Arg2:T9999\n`),
    edit('a relation type that is no id', `${sep}R9001\tsays.to Arg1:T1 Arg2:T1\n`),
  ];
}

/** A zip whose headers claim an entry of 3.75 GiB (the sizes are patched; the archive itself is tiny). */
function lyingZip(): RequestFile {
  const bytes = Buffer.from(
    zipSync({ 'doc.ann': Buffer.from('T1\tactor 0 3\tAli\n'), 'doc.txt': Buffer.from('Ali') }),
  );
  for (const [signature, offset] of [
    [0x04034b50, 22],
    [0x02014b50, 24],
  ] as const) {
    for (
      let at = bytes.indexOf(Buffer.from(new Uint32Array([signature]).buffer));
      at >= 0;
      at = bytes.indexOf(Buffer.from(new Uint32Array([signature]).buffer), at + 4)
    )
      bytes.writeUInt32LE(0xf0000000, at + offset);
  }
  return { name: 'claims-4gib.zip', bytes };
}

/** annotation.conf names that cannot become ids: refused naming the conf, the line and the name. */
function confEdits(sample: AnnotatedSample): AnnotatedFile[] {
  const index = sample.files.findIndex((f) => f.name.endsWith('annotation.conf'));
  const conf = sample.files[index];
  if (conf === undefined) return [];
  const edit = (attack: string, section: string, added: string): AnnotatedFile => {
    const lines = conf.bytes.toString('utf8').split('\n');
    const at = lines.indexOf(section) + 1;
    lines.splice(at, 0, added);
    const bytes = Buffer.from(lines.join('\n'));
    const files = sample.files.map((f, i) => (i === index ? { name: f.name, bytes } : f));
    return { format: 'brat', files, name: conf.name, attack, mustRefuse: true, line: at + 1, hasLines: true };
  };
  return [
    edit(
      'an annotation.conf relation type that is no id',
      '[relations]',
      'Located.in\tArg1:actor, Arg2:claim',
    ),
    edit('an annotation.conf entity type that is no id', '[entities]', 'Per.Name'),
    edit('an annotation.conf relation end that is no id', '[relations]', 'near\tArg1:actor, Arg2:Per.Name'),
  ];
}

/** Stress cases for the readers; `quick` keeps them small. */
function stress(samples: readonly AnnotatedSample[], quick: boolean): AnnotatedFile[] {
  const heavy = (
    format: ImportableFormat,
    name: string,
    attack: string,
    bytes: Buffer,
    mustRefuse = false,
  ): AnnotatedFile => ({
    format,
    files: [{ name, bytes }],
    name,
    attack,
    mustRefuse,
    hasLines: !name.endsWith('.zip'),
    heavy: true,
  });
  const lines = quick ? 20_000 : 200_000;
  const ann = Array.from({ length: lines }, (_, i) => `T${i + 1}\tactor 0 3\tAli`).join('\n');
  const many = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`f${i}.ann`, new Uint8Array(0)]));
  const native = samples.find((s) => s.format === 'native')?.files[0]?.bytes.toString('utf8') ?? '{}';
  return [
    heavy(
      'native',
      'deep.json',
      'an ignored field nested 100,000 levels',
      Buffer.from(native.replace('{', `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},`)),
    ),
    heavy(
      'doccano',
      'long.jsonl',
      `a line of ${quick ? 1 : 8} MB`,
      Buffer.from(`${JSON.stringify({ text: 'word '.repeat(quick ? 200_000 : 1_600_000), entities: [] })}\n`),
    ),
    {
      ...heavy('brat', 'many.ann', `${lines.toLocaleString('en-US')} brat lines`, Buffer.from(ann)),
      files: [
        { name: 'many.ann', bytes: Buffer.from(ann) },
        { name: 'many.txt', bytes: Buffer.from('Ali') },
      ],
    },
    heavy('brat', 'many-files.zip', 'a zip of 25,000 files', Buffer.from(zipSync(many)), true),
    heavy('brat', 'claims-4gib.zip', 'a zip whose headers claim 3.75 GiB', lyingZip().bytes, true),
  ];
}

/** Every format's edits and stress cases, made from the samples. */
export function annotatedAttacks(samples: readonly AnnotatedSample[], quick: boolean): AnnotatedFile[] {
  const attacks: AnnotatedFile[] = [];
  for (const sample of samples.filter((s) => s.shape === 'export')) {
    attacks.push(...(LINE_EDITS[sample.format] ?? []).map((edit) => editedLine(sample, edit)));
    attacks.push(...(FILE_EDITS[sample.format] ?? []).map((edit) => editedFile(sample, edit)));
  }
  const pairs = samples.find((s) => s.format === 'brat' && s.shape === 'pairs');
  if (pairs !== undefined) attacks.push(...bratEdits(pairs), ...confEdits(pairs));
  return [...attacks, ...stress(samples, quick)];
}
