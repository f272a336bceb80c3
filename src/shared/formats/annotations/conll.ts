// CoNLL IOB2 codec (shared layer, pure; export format, its parser exists for tests and previews): one file
// per layer, `-DOCSTART- O` before each document, one "token TAG" line per token, a blank line after each
// sentence. Overlapping spans cannot be tagged: a stated priority keeps one (schema label order, first label
// wins; within a label the longest span, then the earliest) and every dropped span is a warning naming its
// document, label and quote. Relations, notes and attributes cannot be held at all.
import type { Layer, Span } from '../../model';
import type {
  AnnotationCodec,
  ExportBundle,
  ExportDocument,
  ExportOutput,
  ExportWarning,
  OutputFile,
} from './bundle';
import { tokenize, tokensOf, type Token } from './conll-tokens';
import { readConllFiles } from './conll-read';
import { verifyBundle } from './export-checks';
import { UniqueNames } from './file-names';
import { readmeFile } from './readme';

function priorityOrder(schemaLabels: readonly string[]): (a: Span, b: Span) => number {
  const rank = (label: string) => {
    const index = schemaLabels.indexOf(label);
    return index < 0 ? schemaLabels.length : index;
  };
  return (a, b) =>
    rank(a.label) - rank(b.label) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const shortQuote = (span: Span) => {
  const chars = Array.from(span.quote);
  return chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : span.quote;
};

/** IOB2 tags for the flat token list; drops overlapping spans by priority, warning about each. */
function tagTokens(
  doc: ExportDocument,
  layerId: string,
  layer: Layer,
  tokens: Token[],
  labels: string[],
  warnings: ExportWarning[],
): string[] {
  const tags = tokens.map(() => 'O');
  const owner = new Array<Span | undefined>(tokens.length);
  const warn = (message: string) =>
    warnings.push({ document: doc.title, message: `layer ${layerId}: ${message}` });
  for (const span of [...layer.spans].sort(priorityOrder(labels))) {
    const covered = tokensOf(tokens, span);
    if (covered === null) {
      warn(`dropped ${span.label} "${shortQuote(span)}" (span ${span.id}): it covers no token`);
      continue;
    }
    const [first, last] = covered;
    const taken = owner.slice(first, last + 1).find((s) => s !== undefined);
    if (taken !== undefined) {
      warn(
        `dropped ${span.label} "${shortQuote(span)}" (span ${span.id}): it overlaps ${taken.label} "${shortQuote(taken)}" (span ${taken.id}), which has priority`,
      );
      continue;
    }
    for (let i = first; i <= last; i++) {
      owner[i] = span;
      tags[i] = `${i === first ? 'B' : 'I'}-${span.label}`;
    }
  }
  const lost = layer.relations.length;
  if (lost > 0) warn(`${lost} relation(s) not written: CoNLL cannot hold relations`);
  return tags;
}

function documentBlock(
  doc: ExportDocument,
  layerId: string,
  layer: Layer,
  labels: string[],
  warnings: ExportWarning[],
): string {
  const sentences = tokenize(doc.text);
  const tags = tagTokens(doc, layerId, layer, sentences.flat(), labels, warnings);
  let next = 0;
  const blocks = sentences.map((tokens) =>
    tokens.map((token) => `${token.text} ${tags[next++]!}\n`).join(''),
  );
  return ['-DOCSTART- O\n', ...blocks].join('\n') + '\n';
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const labels = bundle.schema.labels.map((l) => l.id);
  const warnings: ExportWarning[] = [];
  const layerIds = [...new Set(bundle.documents.flatMap((d) => Object.keys(d.layers)))];
  const names = new UniqueNames();
  names.reserve('README.txt');
  const files: OutputFile[] = (layerIds.length === 0 ? [''] : layerIds).map((layerId) => {
    const docs = bundle.documents.filter((d) => layerId === '' || Object.hasOwn(d.layers, layerId));
    const blocks = docs.map((doc) =>
      documentBlock(
        doc,
        layerId,
        (doc.layers as Record<string, Layer>)[layerId] ?? { spans: [], relations: [] },
        labels,
        warnings,
      ),
    );
    return { path: names.take(layerId === '' ? 'tokens' : layerId, 'conll'), content: blocks.join('') };
  });
  const layout = [
    '<layer>.conll: one file per layer; "-DOCSTART- O" starts each document, documents in this order:',
    ...bundle.documents.map((d, i) => `  ${i + 1}. ${d.title} (${d.id})`),
    'Each line is "token TAG" (IOB2); a blank line ends a sentence. Tokens come from Intl.Segmenter (locale en).',
    `Overlaps are resolved by label priority: ${labels.join(' > ')}; within a label, longest span first.`,
  ];
  return { files: [readmeFile(conllCodec, bundle, warnings, layout), ...files], warnings };
}

export const conllCodec: AnnotationCodec = {
  format: 'conll',
  title: 'CoNLL IOB2 (token per line)',
  offsetUnit: 'tokens',
  limitations: [
    'Overlapping and nested spans: only one span may tag a token; the others are dropped by label priority (schema order, then longest first) and each is named in a warning.',
    'Relations, notes and attributes cannot be held.',
    'Span edges inside a word widen to the whole token; character offsets and the exact text (spacing, line breaks) are not kept.',
  ],
  multiFile: true,
  extension: 'zip',
  serialize,
  parse: readConllFiles,
};
