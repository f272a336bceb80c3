// Reading CoNLL IOB2 back (shared layer, pure; lossy, for tests and previews, not an import format): each
// file is a layer named by its stem, `-DOCSTART-` starts a document, and the text is rebuilt by joining
// tokens with single spaces and sentences with line feeds, so spans index that rebuilt text.
import type { InputFile, ParsedDocument, ParsedSpan, ParseOutcome } from './bundle';
import { FileProblem, emptyPackage, parseGuarded } from './parse-support';

interface Builder {
  sentences: string[][];
  spans: ParsedSpan[];
  offset: number;
  open?: ParsedSpan;
}

function newBuilder(): Builder {
  return { sentences: [[]], spans: [], offset: 0 };
}

function addToken(builder: Builder, token: string, tag: string): void {
  const sentence = builder.sentences[builder.sentences.length - 1]!;
  if (sentence.length > 0) builder.offset += 1; // the space before it
  const start = builder.offset;
  builder.offset += token.length;
  sentence.push(token);
  const [prefix, label] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
  if (prefix === 'I' && builder.open?.label === label) {
    builder.open.end = builder.offset;
    return;
  }
  builder.open = undefined;
  if (prefix === 'O') return;
  builder.open = {
    id: `s${builder.spans.length + 1}`,
    label,
    start,
    end: builder.offset,
    attributes: {},
    note: '',
  };
  builder.spans.push(builder.open);
}

function endSentence(builder: Builder): void {
  if (builder.sentences[builder.sentences.length - 1]!.length === 0) return;
  builder.sentences.push([]);
  builder.offset += 1; // the line feed
}

function finish(builder: Builder, file: InputFile, layer: string, index: number): ParsedDocument {
  const text = builder.sentences
    .filter((s) => s.length > 0)
    .map((s) => s.join(' '))
    .join('\n');
  for (const span of builder.spans) span.quote = text.slice(span.start, span.end);
  const title = `${layer} #${index}`;
  return {
    source: { file: file.name },
    title,
    text,
    offsetUnit: 'utf16-code-units',
    layers: [{ layer, spans: builder.spans, relations: [] }],
  };
}

export function readConllFiles(files: readonly InputFile[]): ParseOutcome {
  return parseGuarded(() => {
    const pkg = emptyPackage('conll');
    for (const file of files) {
      if (!file.name.endsWith('.conll')) continue;
      const layer = file.name.slice(file.name.lastIndexOf('/') + 1, -'.conll'.length);
      let builder: Builder | undefined;
      file.text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.startsWith('-DOCSTART-')) {
          if (builder !== undefined)
            pkg.documents.push(finish(builder, file, layer, pkg.documents.length + 1));
          builder = newBuilder();
          return;
        }
        builder ??= newBuilder();
        if (line.trim() === '') return endSentence(builder);
        const match = /^(\S+)\s+(O|[BI]-\S+)$/.exec(line);
        if (match === null)
          throw new FileProblem(
            file.name,
            `line ${i + 1}: "${line.slice(0, 40)}" is not "token TAG" with an IOB2 tag`,
            i + 1,
          );
        addToken(builder, match[1]!, match[2]!);
      });
      if (builder !== undefined) pkg.documents.push(finish(builder, file, layer, pkg.documents.length + 1));
    }
    return pkg;
  });
}
