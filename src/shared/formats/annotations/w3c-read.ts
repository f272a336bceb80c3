// Reading W3C Web Annotation JSON-LD (shared layer, pure): a collection (its first page's items), a page, an
// array or a single annotation. Span annotations are grouped by target source (the document) and creator (the
// layer); positions are code points over the text in our `documents` extension, checked against the quote.
// Without a text, spans keep their code-point offsets and their quote and context for re-anchoring by main.
import type { InputFile, ParsedDocument, ParsedPackage, ParsedSpan, ParseOutcome } from './bundle';
import { LayerCollector } from './layer-collector';
import {
  CodePointReader,
  asArray,
  asObject,
  at,
  emptyPackage,
  failAt,
  field,
  integerAt,
  optionalString,
  optionalTimestamp,
  parseGuarded,
  readJsonFile,
  stringAt,
  stringRecord,
  type JsonObject,
  type Where,
} from './parse-support';

interface DocumentState {
  doc: ParsedDocument;
  reader?: CodePointReader;
  layers: LayerCollector;
}

const tail = (id: string, marker: string) =>
  id.includes(marker) ? id.slice(id.lastIndexOf(marker) + marker.length) : id;

function bodiesOf(annotation: JsonObject, where: Where): { purpose?: string; value: string }[] {
  const body = field(annotation, 'body');
  const list = body === undefined ? [] : Array.isArray(body) ? body : [body];
  return list.map((item, i) => {
    if (typeof item === 'string') return { value: item };
    const here = at(where, 'body', ...(Array.isArray(body) ? [i] : []));
    const object = asObject(item, here);
    const purpose = optionalString(object, 'purpose', here);
    return {
      ...(purpose === undefined ? {} : { purpose }),
      value: optionalString(object, 'value', here) ?? '',
    };
  });
}

function layerOf(annotation: JsonObject): string | undefined {
  const creator = field(annotation, 'creator');
  const id =
    typeof creator === 'string'
      ? creator
      : typeof creator === 'object' && creator !== null
        ? field(creator as JsonObject, 'id')
        : undefined;
  return typeof id === 'string' ? tail(id, 'urn:tagwright:layer:') : undefined;
}

class W3cReader {
  readonly pkg: ParsedPackage = emptyPackage('w3c');
  private readonly documents = new Map<string, DocumentState>();
  /** Span annotation id → its document, layer and span id, for the linking annotations. */
  private readonly spanAnnotations = new Map<
    string,
    { state: DocumentState; layer: string | undefined; id: string }
  >();

  constructor(private readonly file: InputFile) {}

  addTexts(root: JsonObject, where: Where): void {
    asArray(field(root, 'documents') ?? [], at(where, 'documents')).forEach((value, i) => {
      const here = at(where, 'documents', i);
      const entry = asObject(value, here);
      const source = stringAt(entry, 'id', here);
      const reader = new CodePointReader(stringAt(entry, 'text', here));
      const doc: ParsedDocument = {
        source: { file: this.file.name },
        id: tail(source, 'urn:tagwright:doc:'),
        text: reader.text,
        offsetUnit: 'utf16-code-units',
        layers: [],
      };
      const title = optionalString(entry, 'title', here);
      const sha256 = optionalString(entry, 'sha256', here);
      if (title !== undefined) doc.title = title;
      if (sha256 !== undefined) doc.sha256 = sha256;
      this.documents.set(source, { doc, reader, layers: new LayerCollector() });
    });
  }

  private stateOf(source: string): DocumentState {
    let state = this.documents.get(source);
    if (state === undefined) {
      const doc: ParsedDocument = {
        source: { file: this.file.name },
        id: tail(source, 'urn:tagwright:doc:'),
        offsetUnit: 'code-points',
        layers: [],
      };
      this.documents.set(source, (state = { doc, layers: new LayerCollector() }));
    }
    return state;
  }

  span(annotation: JsonObject, where: Where): void {
    const target = asObject(field(annotation, 'target'), at(where, 'target'));
    const state = this.stateOf(stringAt(target, 'source', at(where, 'target')));
    const selectors = asArray(field(target, 'selector'), at(where, 'target', 'selector')).map((s, i) => ({
      selector: asObject(s, at(where, 'target', 'selector', i)),
      here: at(where, 'target', 'selector', i),
    }));
    const quote = selectors.find((s) => field(s.selector, 'type') === 'TextQuoteSelector');
    const position = selectors.find((s) => field(s.selector, 'type') === 'TextPositionSelector');
    if (position === undefined) failAt(at(where, 'target', 'selector'), 'has no TextPositionSelector');
    const exact = quote === undefined ? undefined : stringAt(quote.selector, 'exact', quote.here);
    const [start, end] = [
      integerAt(position.selector, 'start', position.here),
      integerAt(position.selector, 'end', position.here),
    ];
    const range =
      state.reader === undefined ? { start, end } : state.reader.range(start, end, position.here, exact);
    const bodies = bodiesOf(annotation, where);
    const label = bodies.find(
      (b) => b.purpose === 'tagging' || b.purpose === 'classifying' || b.purpose === undefined,
    );
    if (label === undefined) failAt(at(where, 'body'), 'has no tagging body naming the label');
    const id = stringAt(annotation, 'id', where);
    const layer = layerOf(annotation);
    const span: ParsedSpan = {
      id: tail(id, ':span:'),
      label: label.value,
      ...range,
      attributes: stringRecord(field(annotation, 'attributes'), at(where, 'attributes')),
      note: bodies
        .filter((b) => b.purpose === 'commenting')
        .map((b) => b.value)
        .join('\n'),
    };
    if (exact !== undefined) span.quote = exact;
    for (const key of ['prefix', 'suffix'] as const) {
      const value = quote === undefined ? undefined : optionalString(quote.selector, key, quote.here);
      if (value !== undefined) span[key] = value;
    }
    for (const [key, name] of [
      ['createdAt', 'created'],
      ['updatedAt', 'modified'],
    ] as const) {
      const value = optionalTimestamp(annotation, name, where);
      if (value !== undefined) span[key] = value;
    }
    state.layers.layer(layer).spans.push(span);
    this.spanAnnotations.set(id, { state, layer, id: span.id! });
  }

  relation(annotation: JsonObject, where: Where): void {
    const targets = asArray(field(annotation, 'target'), at(where, 'target'));
    if (targets.length !== 2)
      failAt(at(where, 'target'), 'of a linking annotation must list exactly two annotations (from, to)');
    const ends = targets.map((target, i) => {
      const id =
        typeof target === 'string'
          ? target
          : stringAt(asObject(target, at(where, 'target', i)), 'id', at(where, 'target', i));
      return (
        this.spanAnnotations.get(id) ??
        failAt(at(where, 'target', i), `is ${id}, which is no span annotation of this file`)
      );
    });
    const [from, to] = ends as [(typeof ends)[number], (typeof ends)[number]];
    if (from.state !== to.state || from.layer !== to.layer)
      failAt(at(where, 'target'), 'joins spans of different documents or layers');
    const bodies = bodiesOf(annotation, where);
    const type = bodies.find((b) => b.purpose === 'tagging' || b.purpose === undefined)?.value ?? 'linked';
    from.state.layers.layer(from.layer).relations.push({
      id: tail(stringAt(annotation, 'id', where), ':relation:'),
      ...{ type, from: from.id, to: to.id },
      note: bodies
        .filter((b) => b.purpose === 'commenting')
        .map((b) => b.value)
        .join('\n'),
    });
  }

  finish(): ParsedPackage {
    for (const state of this.documents.values())
      this.pkg.documents.push({ ...state.doc, layers: state.layers.list() });
    return this.pkg;
  }
}

function annotationsOf(root: unknown, where: Where): { value: unknown; where: Where }[] {
  if (Array.isArray(root)) return root.map((value, i) => ({ value, where: at(where, i) }));
  const object = asObject(root, where);
  const type = field(object, 'type');
  if (type === 'AnnotationCollection') {
    const first = asObject(field(object, 'first'), at(where, 'first'));
    return annotationsOf(field(first, 'items') ?? [], at(where, 'first', 'items'));
  }
  if (type === 'AnnotationPage') return annotationsOf(field(object, 'items') ?? [], at(where, 'items'));
  return [{ value: object, where }];
}

export function readW3cFile(files: readonly InputFile[]): ParseOutcome {
  return parseGuarded(() => {
    const pkg = emptyPackage('w3c');
    for (const file of files) {
      const { value, where } = readJsonFile(file);
      const reader = new W3cReader(file);
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        reader.addTexts(value as JsonObject, where);
      const annotations = annotationsOf(value, where).map((a) => ({
        annotation: asObject(a.value, a.where),
        where: a.where,
      }));
      // Spans first, so a linking annotation may come before the spans it joins.
      for (const a of annotations)
        if (field(a.annotation, 'motivation') !== 'linking') reader.span(a.annotation, a.where);
      for (const a of annotations)
        if (field(a.annotation, 'motivation') === 'linking') reader.relation(a.annotation, a.where);
      pkg.documents.push(...reader.finish().documents);
    }
    return pkg;
  });
}
