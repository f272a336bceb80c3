// Native package codec (shared layer, pure): the lossless unit of exchange between colleagues. One JSON file
// holding the label schema, the annotators and each exported document record minus its revision: text, meta,
// import info, status, every layer with spans and relations (provenance, notes, attributes, authors, times)
// and review comments. Offsets stay UTF-16 code units, the app's own unit. Parsing validates the whole file
// (zod for shapes, then quotes against texts and relation ends) and names the line of the first problem.
import { z } from 'zod';
import {
  annotatorSchema,
  attributeValueSchema,
  documentRecordSchema,
  documentStatusSchema,
  idString,
  labelSchemaSchema,
  layerSchema,
  metaValueSchema,
  spanSchema,
  type Layer,
} from '../../model';
import { checkRange, quoteMatches } from '../../text/anchor';
import type {
  AnnotationCodec,
  ExportBundle,
  ExportOutput,
  InputFile,
  ParsedDocument,
  ParsedLayer,
} from './bundle';
import { verifyBundle } from './export-checks';
import {
  asObject,
  at,
  emptyPackage,
  failAt,
  field,
  parseGuarded,
  readJsonFile,
  type Where,
} from './parse-support';

const packageHeadSchema = z.object({
  format: z.literal('tagwright-package'),
  version: z.literal(1),
  offsetUnit: z.literal('utf16-code-units'),
  exportedAt: z.string(),
  exportedBy: z.string(),
  schema: labelSchemaSchema,
  annotators: z.array(annotatorSchema),
  documents: z.array(z.unknown()),
});

/** The record fields keyed by user data are checked entry by entry: zod's record drops a "__proto__" key. */
const documentHeadSchema = documentRecordSchema.omit({
  schemaVersion: true,
  revision: true,
  rejectedSuggestions: true,
  layers: true,
  status: true,
  meta: true,
});
const layerHeadSchema = layerSchema.extend({ spans: z.array(z.unknown()) });

function checked<T>(schema: z.ZodType<T>, value: unknown, where: Where): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  return failAt(at(where, ...path), `is invalid: ${issue.message}`);
}

/** A null-prototype record whose keys and values are each checked, so "__proto__" is an ordinary key. */
function recordOf<T>(
  value: unknown,
  where: Where,
  key: z.ZodType<string>,
  read: (v: unknown, w: Where) => T,
): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [name, entry] of Object.entries(asObject(value ?? {}, where))) {
    checked(key, name, at(where, name));
    record[name] = read(entry, at(where, name));
  }
  return record;
}

function readLayer(text: string, value: unknown, where: Where): Layer {
  const head = checked(layerHeadSchema, value, where);
  const spans = head.spans.map((raw, i) => {
    const here = at(where, 'spans', i);
    // The full span schema (an omit() copy of it runs at half the speed), then the attributes again key by
    // key, because zod's record drops a "__proto__" key.
    const span = {
      ...checked(spanSchema, raw, here),
      attributes: recordOf(
        field(asObject(raw, here), 'attributes'),
        at(here, 'attributes'),
        idString,
        (v, w) => checked(attributeValueSchema, v, w),
      ),
    };
    const problem = checkRange(text, span.start, span.end);
    if (problem !== null) failAt(here, `has a bad range: ${problem}`);
    if (!quoteMatches(text, span))
      failAt(
        at(here, 'quote'),
        `is "${span.quote}" but the text at ${span.start}–${span.end} reads "${text.slice(span.start, span.end)}"`,
      );
    return span;
  });
  const ids = new Set(spans.map((s) => s.id));
  head.relations.forEach((relation, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(relation[end]))
        failAt(at(where, 'relations', i, end), `is ${relation[end]}, which is no span of this layer`);
    }
  });
  return { spans, relations: head.relations };
}

/** A comment thread hangs on a span or relation of this document; one on nothing is refused where it stands. */
function checkCommentTargets(
  comments: readonly { target: { layer: string; kind: 'span' | 'relation'; id: string } }[],
  layers: readonly ParsedLayer[],
  where: Where,
): void {
  comments.forEach(({ target }, i) => {
    const layer = layers.find((l) => l.layer === target.layer);
    const items: readonly { id?: string | undefined }[] =
      layer === undefined ? [] : target.kind === 'span' ? layer.spans : layer.relations;
    if (!items.some((item) => item.id === target.id))
      failAt(
        at(where, 'comments', i, 'target'),
        `is ${target.kind} ${target.id} of layer ${target.layer}, which is not in this document`,
      );
  });
}

function readDocument(file: InputFile, value: unknown, where: Where): ParsedDocument {
  const head = checked(documentHeadSchema, value, where);
  const raw = asObject(value, where);
  const layers = recordOf(field(raw, 'layers'), at(where, 'layers'), idString, (v, w) =>
    readLayer(head.text, v, w),
  );
  const parsedLayers: ParsedLayer[] = Object.entries(layers).map(([layer, content]) => ({
    layer,
    ...content,
  }));
  checkCommentTargets(head.comments, parsedLayers, where);
  return {
    source: {
      file: file.name,
      ...(where.locate?.(where.segments) === undefined ? {} : { line: where.locate(where.segments)! }),
    },
    ...{
      id: head.id,
      title: head.title,
      text: head.text,
      sha256: head.sha256,
      offsetUnit: 'utf16-code-units',
    },
    meta: recordOf(field(raw, 'meta'), at(where, 'meta'), z.string().max(200), (v, w) =>
      checked(metaValueSchema, v, w),
    ),
    import: head.import,
    status: recordOf(field(raw, 'status'), at(where, 'status'), idString, (v, w) =>
      checked(documentStatusSchema, v, w),
    ),
    layers: parsedLayers,
    comments: head.comments,
  };
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const content = {
    ...{ format: 'tagwright-package', version: 1, offsetUnit: 'utf16-code-units' },
    ...{
      exportedAt: bundle.exportedAt,
      exportedBy: bundle.exportedBy,
      schema: bundle.schema,
      annotators: bundle.annotators,
    },
    documents: bundle.documents,
  };
  return {
    files: [{ path: 'package.tagwright.json', content: `${JSON.stringify(content, null, 2)}\n` }],
    warnings: [],
  };
}

export const nativeCodec: AnnotationCodec = {
  format: 'native',
  title: 'Tagwright package (lossless)',
  offsetUnit: 'utf16-code-units',
  limitations: [],
  multiFile: false,
  extension: 'json',
  serialize,
  parse: (files) =>
    parseGuarded(() => {
      const pkg = emptyPackage('native');
      for (const file of files) {
        const { value, where } = readJsonFile(file);
        const head = checked(packageHeadSchema, value, where);
        pkg.schema ??= head.schema;
        pkg.annotators = [...(pkg.annotators ?? []), ...head.annotators];
        head.documents.forEach((doc, i) =>
          pkg.documents.push(readDocument(file, doc, at(where, 'documents', i))),
        );
      }
      return pkg;
    }),
};
