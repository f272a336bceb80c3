// Reading brat standoff (shared layer, pure): pairs each .ann with the .txt beside it, reads T, R, A/M and
// AnnotatorNotes lines (offsets in code points over the .txt, checked against the text each T line quotes),
// and takes the layer from the folder. Fragments separated only by line breaks become one span; other
// discontinuous spans become one span per piece, with a warning. Any malformed line refuses the whole input.
import type {
  InputFile,
  ParsedDocument,
  ParsedLayer,
  ParsedRelation,
  ParsedSpan,
  ParseOutcome,
} from './bundle';
import { schemaFromConf } from './brat-conf';
import { decodeNote, decodeValue, groupFragments, type Fragment } from './brat-lines';
import { CodePointReader, FileProblem, emptyPackage, parseGuarded, requireId } from './parse-support';

interface FilePath {
  folder: string;
  stem: string;
  extension: string;
}

function splitPath(name: string): FilePath {
  const slash = name.lastIndexOf('/');
  const base = name.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return {
    folder: slash < 0 ? '' : name.slice(0, slash),
    stem: dot <= 0 ? base : base.slice(0, dot),
    extension: dot <= 0 ? '' : base.slice(dot + 1).toLowerCase(),
  };
}

const T_LINE = /^(T\d+\S*)\t(\S+) ([0-9 ;]+)\t(.*)$/s;
const R_LINE = /^(R\d+\S*)\t(\S+) \S+?:(\S+) \S+?:(\S+)\s*$/;
const A_LINE = /^([AM]\d+\S*)\t(\S+) (\S+)(?: (\S+))?\s*$/;
const NOTE_LINE = /^(#\d*\S*)\t(\S+) (\S+)\t(.*)$/s;

class AnnReader {
  readonly layer: ParsedLayer;
  private readonly spans = new Map<string, ParsedSpan[]>();
  private readonly relations = new Map<string, ParsedRelation>();

  constructor(
    private readonly file: InputFile,
    private readonly reader: CodePointReader,
    layer: string | undefined,
    private readonly warnings: string[],
  ) {
    this.layer = layer === undefined ? { spans: [], relations: [] } : { layer, spans: [], relations: [] };
  }

  fail(line: number, message: string): never {
    throw new FileProblem(this.file.name, `line ${line}: ${message}`, line);
  }

  read(): void {
    const lines = this.file.text
      .split('\n')
      .map((text, i) => ({ text: text.replace(/\r$/, ''), line: i + 1 }));
    // Spans first: relations, attributes and notes may come before the T line they point at.
    for (const { text, line } of lines) if (text.startsWith('T')) this.span(text, line);
    for (const { text, line } of lines) {
      if (text.trim() === '' || text.startsWith('T')) continue;
      if (text.startsWith('R')) this.relation(text, line);
      else if (text.startsWith('A') || text.startsWith('M')) this.attribute(text, line);
      else if (text.startsWith('#')) this.note(text, line);
      else if (/^[EN*]/.test(text))
        this.warnings.push(`${this.file.name} line ${line}: ${text[0]} annotations are not imported`);
      else this.fail(line, `"${text.slice(0, 40)}" is not a brat annotation line (T, R, A, M, E, N, * or #)`);
    }
  }

  private span(text: string, line: number): void {
    const match = T_LINE.exec(text);
    if (match === null)
      this.fail(line, 'a T line must read "T<n><tab><label> <start> <end>[;<start> <end>...]<tab><text>"');
    const [, id, label, offsets, quote] = match as unknown as [string, string, string, string, string];
    requireId(this.file.name, line, 'label', label);
    const where = { file: this.file.name, line, segments: [id] };
    const pieces = offsets.split(';').map((pair) => {
      const numbers = pair.trim().split(' ').map(Number);
      if (numbers.length !== 2 || !numbers.every(Number.isInteger))
        this.fail(line, `"${pair}" is not "<start> <end>"`);
      return numbers as [number, number];
    });
    const fragments: Fragment[] = pieces.map(([start, end]) => this.reader.range(start, end, where));
    const stated = pieces.map(([start, end]) => this.reader.originalSlice(start, end)).join(' ');
    if (stated !== quote)
      this.fail(line, `${id} quotes "${quote}" but the text at ${offsets} reads "${stated}"`);
    const groups = groupFragments(this.reader.text, fragments);
    if (groups.length > 1)
      this.warnings.push(
        `${this.file.name} line ${line}: ${id} is discontinuous; imported as ${groups.length} spans`,
      );
    const spans = groups.map((g, i) => ({
      id: i === 0 ? id : `${id}-${i + 1}`,
      label,
      ...{ start: g.start, end: g.end, quote: this.reader.text.slice(g.start, g.end) },
      ...{ attributes: Object.create(null) as Record<string, string>, note: '' },
    }));
    this.spans.set(id, spans);
    this.layer.spans.push(...spans);
  }

  private spansOf(id: string, line: number): ParsedSpan[] {
    const found = this.spans.get(id);
    if (found === undefined) this.fail(line, `${id} is not a T annotation of this file`);
    return found;
  }

  private relation(text: string, line: number): void {
    const match = R_LINE.exec(text);
    if (match === null) this.fail(line, 'an R line must read "R<n><tab><type> Arg1:<T id> Arg2:<T id>"');
    const [, id, type, from, to] = match as unknown as [string, string, string, string, string];
    requireId(this.file.name, line, 'relation type', type);
    const relation = {
      id,
      type,
      from: this.spansOf(from, line)[0]!.id ?? from,
      to: this.spansOf(to, line)[0]!.id ?? to,
      note: '',
    };
    this.relations.set(id, relation);
    this.layer.relations.push(relation);
  }

  private attribute(text: string, line: number): void {
    const match = A_LINE.exec(text);
    if (match === null) this.fail(line, 'an A line must read "A<n><tab><attribute> <T id>[ <value>]"');
    const [, , name, target, value] = match as unknown as [
      string,
      string,
      string,
      string,
      string | undefined,
    ];
    requireId(this.file.name, line, 'attribute', name);
    for (const span of this.spansOf(target, line))
      span.attributes[name] = value === undefined ? '' : decodeValue(value);
  }

  private note(text: string, line: number): void {
    const match = NOTE_LINE.exec(text);
    if (match === null) this.fail(line, 'a # line must read "#<n><tab>AnnotatorNotes <id><tab><note>"');
    const [, , kind, target, note] = match as unknown as [string, string, string, string, string];
    if (kind !== 'AnnotatorNotes') return;
    const targets = target.startsWith('R') ? [this.relations.get(target)] : this.spans.get(target);
    if (targets === undefined || targets[0] === undefined)
      this.fail(line, `the note points at ${target}, which is not in this file`);
    for (const item of targets) if (item !== undefined) item.note = decodeNote(note);
  }
}

/** Documents are merged across layer folders when their file stem and text are the same. */
function mergeKey(path: FilePath, text: string): string {
  return `${path.stem}\u0000${text}`;
}

export function readBratFiles(files: readonly InputFile[]): ParseOutcome {
  return parseGuarded(() => {
    const pkg = emptyPackage('brat');
    const byName = new Map(files.map((f) => [f.name, f]));
    const documents = new Map<string, ParsedDocument>();
    for (const file of files) {
      const path = splitPath(file.name);
      if (`${path.stem}.${path.extension}` === 'annotation.conf')
        pkg.schema ??= schemaFromConf(file.text, file.name);
      if (path.extension !== 'ann' && path.extension !== 'txt') continue;
      const prefix = path.folder === '' ? '' : `${path.folder}/`;
      const txt = byName.get(`${prefix}${path.stem}.txt`);
      const ann = byName.get(`${prefix}${path.stem}.ann`);
      if (txt === undefined) throw new FileProblem(file.name, `has no ${prefix}${path.stem}.txt beside it`);
      if (path.extension === 'txt' && (ann !== undefined || (path.folder === '' && path.stem === 'README')))
        continue;
      const reader = new CodePointReader(txt.text);
      const layerId = path.folder === '' ? undefined : path.folder.slice(path.folder.lastIndexOf('/') + 1);
      const key = mergeKey(path, reader.text);
      let doc = documents.get(key);
      if (doc === undefined) {
        doc = {
          source: { file: txt.name },
          title: path.stem,
          text: reader.text,
          offsetUnit: 'utf16-code-units',
          layers: [],
        };
        documents.set(key, doc);
        pkg.documents.push(doc);
      }
      if (ann === undefined) continue;
      const annotations = new AnnReader(ann, reader, layerId, pkg.warnings);
      annotations.read();
      doc.layers.push(annotations.layer);
    }
    return pkg;
  });
}
