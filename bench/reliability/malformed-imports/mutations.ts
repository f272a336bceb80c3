// Mutations of valid import files (bench/reliability, Node only): flipped bytes, cuts, NUL and invalid UTF-8
// bytes (past the first 8 KiB where the file allows), control-byte runs, broken JSON lines, lone surrogate
// escapes, long lines, deep nesting, byte-order marks, line endings and extensions. Each mutation states what
// must happen: refused for sure or not, and on which line the defect sits, judged here independently.
import { isUtf8 } from 'node:buffer';
import { hasLoneSurrogate } from '../lib/workspace-oracle';
import type { ImportFormat, MalformedFile } from './formats';

type Expectation = Pick<MalformedFile, 'mustRefuse' | 'line'>;
type Mutated = { bytes: Buffer; attack: string; defectAt?: number; extension?: string };

/** 1-based line of the byte at `offset`. */
export function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, bytes.length); i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Why one JSONL line cannot be a document, or null: an independent reading of what the format allows. */
function badRecord(line: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  const text = record['text'];
  if (typeof text !== 'string' || !/\S/.test(text)) return 'no text';
  if (hasLoneSurrogate(text)) return 'lone surrogate';
  if (
    (record['id'] !== undefined && typeof record['id'] !== 'string') ||
    (record['title'] !== undefined && typeof record['title'] !== 'string')
  )
    return 'bad id or title';
  const meta = record['meta'];
  if (meta === undefined) return null;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return 'bad meta';
  return Object.values(meta).every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    ? null
    : 'bad meta value';
}

/**
 * The refusal bytes that are no text at all must get, whatever the format: empty, a NUL (on its line), or not
 * UTF-8 (on the line of `defectAt`, the byte a mutation broke, when known); undefined when they are text.
 */
export function byteDefect(bytes: Buffer, defectAt?: number): Expectation | undefined {
  if (bytes.length === 0) return { mustRefuse: true };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { mustRefuse: true, line: lineAt(bytes, nul) };
  if (!isUtf8(bytes))
    return defectAt === undefined
      ? { mustRefuse: true }
      : { mustRefuse: true, line: lineAt(bytes, defectAt) };
  return undefined;
}

/** What a correct importer must do with these bytes. */
export function expectationOf(format: ImportFormat, bytes: Buffer, defectAt?: number): Expectation {
  const defect = byteDefect(bytes, defectAt);
  if (defect !== undefined) return defect;
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!/\S/.test(text)) return { mustRefuse: true };
  if (!format.jsonLines) return { mustRefuse: false };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() !== '' && badRecord(line) !== null) return { mustRefuse: true, line: i + 1 };
  }
  return { mustRefuse: false };
}

/** An offset at a character boundary (not inside a UTF-8 sequence), preferably past 8 KiB. */
function boundary(bytes: Buffer, random: () => number, past8k: boolean): number {
  const from = past8k && bytes.length > 9000 ? 8 * 1024 + 1 : 0;
  let at = from + Math.floor(random() * (bytes.length - from));
  while (at > 0 && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--;
  return at;
}

const insert = (bytes: Buffer, at: number, extra: Buffer): Buffer =>
  Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)]);
const INVALID_UTF8 = [
  [0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x80],
  [0xe2, 0x82],
];

function jsonlLineAttack(text: string, random: () => number): Mutated {
  const lines = text.split('\n');
  const k = Math.floor(random() * Math.max(1, lines.length - 1));
  const original = lines[k] ?? '';
  const breaks: [string, string][] = [
    ['a JSON line with a quote missing', original.replace('"', '')],
    ['a trailing comma', `${original.slice(0, -1)},}`],
    ['text that is a number', JSON.stringify({ text: 42 })],
    ['a line that is an array', '[1,2,3]'],
    ['an empty text', JSON.stringify({ text: '   ' })],
    ['a lone surrogate escape in the text', original.replace('"text":"', '"text":"\\ud800')],
    ['a meta value that is an object', JSON.stringify({ text: 'ok', meta: { nested: { deep: 1 } } })],
    ['two records on one line', `${original}${original}`],
  ];
  const [attack, replaced] = breaks[Math.floor(random() * breaks.length)] as [string, string];
  lines[k] = replaced;
  return { bytes: Buffer.from(lines.join('\n')), attack };
}

function nesting(format: ImportFormat, bytes: Buffer, random: () => number): Mutated {
  const depth = 500 + Math.floor(random() * 4500);
  const at = boundary(bytes, random, false);
  const text: Record<string, string> = {
    html: '<div>'.repeat(depth),
    md: `\n${'>'.repeat(depth)} quoted\n`,
    jsonl: `\n{"text":"nested","meta":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}\n`,
  };
  return {
    bytes: insert(bytes, at, Buffer.from(text[format.extension] ?? '(('.repeat(depth))),
    attack: `nesting ${depth} deep`,
  };
}

/** One mutation of `sample`, chosen by `random`. */
export function mutate(format: ImportFormat, sample: string, random: () => number): Mutated {
  const bytes = Buffer.from(sample);
  const roll = random();
  if (roll < 0.3) {
    const at = Math.floor(random() * bytes.length);
    const copy = Buffer.from(bytes);
    copy[at] = Math.floor(random() * 256);
    return { bytes: copy, attack: `byte ${at} flipped`, defectAt: at };
  }
  if (roll < 0.4) {
    const cut = 1 + Math.floor(random() * (bytes.length - 1));
    return { bytes: bytes.subarray(0, cut), attack: `cut after ${cut} bytes`, defectAt: cut - 1 };
  }
  if (roll < 0.5) {
    const at = boundary(bytes, random, true);
    return { bytes: insert(bytes, at, Buffer.from([0])), attack: `a NUL byte at ${at}`, defectAt: at };
  }
  if (roll < 0.6) {
    const at = boundary(bytes, random, random() < 0.5);
    const bad = Buffer.from(INVALID_UTF8[Math.floor(random() * INVALID_UTF8.length)] ?? [0xff]);
    return {
      bytes: insert(bytes, at, bad),
      attack: `invalid UTF-8 ${bad.toString('hex')} at ${at}`,
      defectAt: at,
    };
  }
  if (roll < 0.65) {
    const at = boundary(bytes, random, true);
    return {
      bytes: insert(bytes, at, Buffer.alloc(1200, 0x07)),
      attack: `1,200 control bytes at ${at}`,
      defectAt: at,
    };
  }
  if (roll < 0.8 && format.jsonLines) return jsonlLineAttack(sample, random);
  if (roll < 0.85) return nesting(format, bytes, random);
  if (roll < 0.88)
    return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), attack: 'a byte-order mark' };
  if (roll < 0.93)
    return {
      bytes: Buffer.from(sample.replace(/\n/g, random() < 0.5 ? '\r\n' : '\r')),
      attack: 'other line endings',
    };
  if (roll < 0.95) return { bytes: Buffer.from(`\ufeff${sample}`, 'utf16le'), attack: 'UTF-16 text' };
  if (roll < 0.97)
    return { bytes, attack: 'an upper-case extension', extension: format.extension.toUpperCase() };
  if (roll < 0.98) return { bytes, attack: 'an extension nobody imports', extension: 'docx' };
  return { bytes: Buffer.from(random() < 0.5 ? '' : ' \n\t\r\n '), attack: 'nothing but whitespace' };
}

/** A mutated file with its name and what must happen to it. */
export function malformedFile(
  format: ImportFormat,
  sample: string,
  random: () => number,
  serial: number,
): MalformedFile {
  const mutated = mutate(format, sample, random);
  const extension = mutated.extension ?? format.extension;
  const unsupported = extension === 'docx';
  const expected = unsupported
    ? { mustRefuse: true }
    : expectationOf(format, mutated.bytes, mutated.defectAt);
  // A UTF-16 file is wrong as a whole, not on one line.
  const whole = mutated.attack === 'UTF-16 text' ? { mustRefuse: true } : expected;
  return { name: `m${serial}.${extension}`, bytes: mutated.bytes, attack: mutated.attack, ...whole };
}
