// Damaged annotated imports (bench/reliability, Node only): one file of a valid request (the .ann of a brat
// pair, a file inside a zip, or the export itself) is mutated as the plain formats are, or edited where each
// format keeps its offsets and references (past the text, inside a surrogate pair, to a span that is not
// there). What a correct importer must do is judged here, independently: encoding defects and JSON syntax
// errors must be refused naming the file and the line; edits that break offsets or references must be refused.
import { unzipSync, zipSync } from 'fflate';
import type { ImportableFormat } from '@shared/formats/annotations';
import type { AnnotatedSample, RequestFile } from './annotated-samples';
import type { ImportFormat } from './formats';
import { byteDefect, mutate } from './mutations';

export interface AnnotatedFile {
  format: ImportableFormat;
  /** The files of one import request. */
  files: RequestFile[];
  /** The file a refusal must name: the damaged one (inside a zip, its path there). */
  name: string;
  attack: string;
  mustRefuse: boolean;
  /** The defect's 1-based line, where it is certain; a refusal must name it. */
  line?: number;
  /** The damaged file is text with lines: a refusal of it must name a line. */
  hasLines: boolean;
  /** A reader stress case (slow on purpose): run with the longer time limit. */
  heavy?: boolean;
}

/** How a file of the format is written: JSON lines, one JSON document, brat standoff, or other text. */
type Layout = 'json-lines' | 'json' | 'standoff' | 'text';

function layoutOf(format: ImportableFormat, name: string): Layout {
  if (/\.(txt|conf)$/i.test(name)) return 'text';
  if (/\.ann$/i.test(name)) return 'standoff';
  return format === 'doccano' || format === 'jsonl' ? 'json-lines' : 'json';
}

/** The first line of `text` that is not blank and not JSON, or undefined. */
function badJsonLine(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      JSON.parse(line);
    } catch {
      return i + 1;
    }
  }
  return undefined;
}

/** What a correct importer must do with one file's bytes (`defectAt`: the damaged byte, when one was). */
export function annotatedExpectation(
  layout: Layout,
  bytes: Buffer,
  defectAt?: number,
): Pick<AnnotatedFile, 'mustRefuse' | 'line'> {
  const defect = byteDefect(bytes, defectAt);
  if (defect !== undefined) return defect;
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (layout === 'json-lines') {
    const bad = badJsonLine(text);
    return bad === undefined ? { mustRefuse: !/\S/.test(text) } : { mustRefuse: true, line: bad };
  }
  if (layout === 'json') {
    try {
      JSON.parse(text);
    } catch {
      return { mustRefuse: true };
    }
  }
  return { mustRefuse: false };
}

/** The pseudo-format `mutate` needs for one file (its extension and whether it is JSON lines). */
function asImportFormat(name: string, layout: Layout): ImportFormat {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return { extension, jsonLines: layout === 'json-lines', samples: () => [], attacks: () => [] };
}

/** Mutates one file (a name and its bytes) the way the plain formats are mutated; judges the result. */
function mutateFile(format: ImportableFormat, file: RequestFile, random: () => number) {
  const layout = layoutOf(format, file.name);
  const mutated = mutate(asImportFormat(file.name, layout), file.bytes.toString('utf8'), random);
  // A renamed extension is the analyst's mistake, not damage the importer can know about.
  const name = mutated.extension === undefined ? file.name : file.name.replace(/[^.]+$/, mutated.extension);
  // brat writes an empty .ann for a text nobody tagged: one of only whitespace is that, not damage. An empty
  // annotation.conf declares nothing, which brat (and Tagwright) read as "no extra declarations".
  const emptyBratFile =
    mutated.attack === 'nothing but whitespace' &&
    (name.endsWith('.ann') || name.endsWith('annotation.conf'));
  const expected =
    mutated.attack === 'UTF-16 text'
      ? { mustRefuse: true }
      : emptyBratFile
        ? { mustRefuse: false }
        : mutated.extension !== undefined
          ? { mustRefuse: false }
          : annotatedExpectation(layout, mutated.bytes, mutated.defectAt);
  return { file: { name, bytes: mutated.bytes }, attack: mutated.attack, expected };
}

/** A file of nothing but whitespace has no line a refusal could name. */
const hasText = (bytes: Buffer): boolean => /\S/.test(bytes.toString('utf8'));

/** Picks the file to damage: the .ann of a brat pair mostly, else the only file. */
function victimIndex(sample: AnnotatedSample, random: () => number): number {
  const anns = sample.files.flatMap((f, i) => (f.name.endsWith('.ann') ? [i] : []));
  if (anns.length > 0 && random() < 0.8) return anns[Math.floor(random() * anns.length)] as number;
  return Math.floor(random() * sample.files.length);
}

/** A zip's entries with one of them mutated, zipped again: the refusal must name the entry. */
function mutateInsideZip(sample: AnnotatedSample, random: () => number, serial: number): AnnotatedFile {
  const zip = sample.files[0] as RequestFile;
  const entries = Object.entries(unzipSync(zip.bytes)).map(([name, bytes]) => ({
    name,
    bytes: Buffer.from(bytes),
  }));
  const anns = entries.filter((e) => e.name.endsWith('.ann'));
  const victim = anns[Math.floor(random() * anns.length)] ?? (entries[0] as RequestFile);
  const { file, attack, expected } = mutateFile(sample.format, victim, random);
  const zipped = zipSync(
    Object.fromEntries(
      entries.map((e) => [e.name === victim.name ? file.name : e.name, e === victim ? file.bytes : e.bytes]),
    ),
  );
  return {
    format: sample.format,
    files: [{ name: `z${serial}-${zip.name}`, bytes: Buffer.from(zipped) }],
    name: file.name,
    attack: `${attack} (in ${victim.name} inside the zip)`,
    ...expected,
    hasLines: hasText(file.bytes),
  };
}

/** One damaged request made from `sample`. */
export function malformedAnnotated(
  sample: AnnotatedSample,
  random: () => number,
  serial: number,
): AnnotatedFile {
  const zipped = sample.files.length === 1 && /\.zip$/i.test(sample.files[0]?.name ?? '');
  if (zipped && random() < 0.85) return mutateInsideZip(sample, random, serial);
  const index = victimIndex(sample, random);
  const victim = sample.files[index] as RequestFile;
  if (zipped) {
    // The zip itself damaged: it must be refused or read, never half read; it has no lines.
    const { file, attack } = mutateFile(sample.format, victim, random);
    return {
      format: sample.format,
      files: [file],
      name: file.name,
      attack,
      mustRefuse: file.bytes.length === 0,
      hasLines: false,
    };
  }
  const { file, attack, expected } = mutateFile(sample.format, victim, random);
  const files = sample.files.map((f, i) => (i === index ? file : f));
  return {
    format: sample.format,
    files,
    name: file.name,
    attack,
    ...expected,
    hasLines: !/\.zip$/i.test(file.name) && hasText(file.bytes),
  };
}
