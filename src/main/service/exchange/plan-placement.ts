// The heavy half of planning an annotated import, run on the worker thread (src/main, job table): once the
// main thread has said which workspace document each parsed document goes to (the package was read by
// read-package.ts), extend the schema, place and re-anchor the spans, merge them into the layers, and check
// every resulting document as a load would. The main thread only looks documents up and commits the plan.
import { WorkbenchError, type ImportAnnotationsReport, type ImportedDocument } from '@shared/api';
import type { ImportableFormat, ParsedDocument, ParsedPackage } from '@shared/formats/annotations';
import { pickTitle } from '@shared/formats/import';
import {
  documentProblem,
  ownEntry,
  setEntry,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type LabelSchema,
  type Layer,
  type LayerId,
} from '@shared/model';
import { sha256Hex } from '../../store/validation';
import { mergeLayer } from './layer-merge';
import { placeLayer } from './place-spans';
import { refusalOf, wireLayer, type WireDocument, type WireRefusal, type WireUpdate } from './plan-wire';
import { extendSchema } from './schema-additions';

/** Where a parsed document goes, as the main thread found it. */
export type TargetChoice =
  | { kind: 'existing'; match: 'sha256' | 'reanchored'; existing: number }
  /** The same text as an earlier new document of this package. */
  | { kind: 'same-as'; index: number }
  | { kind: 'new'; id: DocId }
  /** No text in the file and no such document in the workspace: nothing can be placed. */
  | { kind: 'none' };

export interface PlacementInput {
  parsed: string;
  format: ImportableFormat;
  schema: LabelSchema;
  /** The file's layer id → the workspace layer it goes into. */
  mapping: [string, LayerId][];
  /** One per parsed document, in order. */
  targets: TargetChoice[];
  /**
   * The workspace documents the targets name (read by the main thread), each as its JSON: written in slices
   * there, it crosses as one string, where a record of 50,000 spans would be serialised in one block.
   */
  existing: string[];
  now: string;
}

/** The input with the existing documents parsed (on the worker). */
type Placement = Omit<PlacementInput, 'existing'> & { existing: DocumentRecord[] };

export interface PlacedPackage {
  ok: true;
  report: ImportAnnotationsReport;
  schema: LabelSchema;
  creates: WireDocument[];
  updates: WireUpdate[];
}

interface Target {
  title: string;
  match: ImportedDocument['match'];
  docId: string | null;
  text: string | null;
  /** A new document of this import. */
  record?: DocumentRecord;
  existing?: DocumentRecord;
}

function newRecord(
  doc: ParsedDocument,
  id: DocId,
  format: string,
  text: string,
  now: string,
): DocumentRecord {
  return {
    schemaVersion: 1,
    id,
    title: pickTitle(doc.title, doc.source.file.replace(/^.*\//, '').replace(/\.[^.]*$/, '')),
    text,
    sha256: sha256Hex(text),
    meta: doc.meta ?? { sourceFile: doc.source.file },
    import: doc.import ?? {
      sourceName: doc.source.file,
      format: format === 'jsonl' ? 'jsonl' : (format as DocumentRecord['import']['format']),
      encoding: 'utf-8',
      hadBom: false,
      lineEndings: text.includes('\n') ? 'lf' : 'none',
      crlfAt: [],
      crAt: [],
      importedAt: now,
      batch: `annotations-${now}`,
    },
    status: doc.status ?? {},
    layers: {},
    comments: [],
    rejectedSuggestions: [],
    reviewRejections: [],
    revision: 0,
  };
}

function targetOf(
  doc: ParsedDocument,
  choice: TargetChoice,
  input: Placement,
  created: Map<number, DocumentRecord>,
): Target {
  const fromRecord = (record: DocumentRecord, match: Target['match']): Target => ({
    title: record.title,
    match,
    docId: record.id,
    text: record.text,
    record,
  });
  switch (choice.kind) {
    case 'existing': {
      const existing = input.existing[choice.existing]!;
      return {
        title: existing.title,
        match: choice.match,
        docId: existing.id,
        text: existing.text,
        existing,
      };
    }
    case 'same-as':
      return fromRecord(created.get(choice.index)!, 'new');
    case 'new':
      return fromRecord(newRecord(doc, choice.id, input.format, doc.text ?? '', input.now), 'new');
    case 'none':
      return { title: doc.title ?? doc.source.file, match: 'new', docId: null, text: null };
  }
}

function emptyEntry(target: Target, layer: LayerId): ImportedDocument {
  return {
    ...{ title: target.title, match: target.match, docId: target.docId, layer },
    ...{ spans: 0, relations: 0, added: 0, removed: 0, relabelled: 0, updated: 0, unplaced: [] },
  };
}

/** Places every document of the package on its target; a refusal (a bad id, an invalid result) as data. */
export function placeAnnotations(input: PlacementInput): PlacedPackage | WireRefusal {
  try {
    const existing = input.existing.map((json) => JSON.parse(json) as DocumentRecord);
    return placePackage({ ...input, existing });
  } catch (error) {
    return refusalOf(error);
  }
}

function placePackage(input: Placement): PlacedPackage {
  const parsed = JSON.parse(input.parsed) as ParsedPackage;
  const mapping = new Map(input.mapping);
  const { schema, additions } = extendSchema(input.schema, parsed);
  const report = emptyReport(input.format);
  report.schemaAdditions = additions;
  report.warnings.push(...parsed.warnings);
  const created = new Map<number, DocumentRecord>();
  const updates = new Map<DocId, Map<LayerId, Layer>>();
  for (const [index, doc] of parsed.documents.entries()) {
    const target = targetOf(doc, input.targets[index] ?? { kind: 'none' }, input, created);
    if (target.record !== undefined) created.set(index, target.record);
    for (const parsedLayer of doc.layers) {
      const layerId = mapping.get(parsedLayer.layer ?? '') ?? mapping.values().next().value!;
      const entry = emptyEntry(target, layerId);
      report.documents.push(entry);
      if (target.text === null) {
        entry.unplaced = parsedLayer.spans.map((s) => ({
          label: s.label,
          quote: s.quote ?? '',
          reason: 'the file has no text for it and its document is not in the workspace',
        }));
        continue;
      }
      const placed = placeLayer(doc, parsedLayer, {
        text: target.text,
        sameText: target.match !== 'reanchored',
        owner: layerId as AnnotatorId,
        now: input.now,
      });
      entry.unplaced = placed.unplaced;
      if (placed.droppedRelations > 0)
        report.warnings.push(
          `${target.title}: ${placed.droppedRelations} relation(s) left out because an end could not be placed`,
        );
      const pending = target.existing === undefined ? undefined : updates.get(target.existing.id);
      const previous =
        target.record !== undefined
          ? ownEntry(target.record.layers, layerId)
          : (pending?.get(layerId) ?? ownEntry(target.existing!.layers, layerId));
      const merged = mergeLayer(previous, placed);
      Object.assign(entry, merged.counts, {
        spans: merged.layer.spans.length,
        relations: merged.layer.relations.length,
      });
      if (target.record !== undefined) setEntry(target.record.layers, layerId, merged.layer);
      else {
        const layers = pending ?? new Map<LayerId, Layer>();
        layers.set(layerId, merged.layer);
        updates.set(target.existing!.id, layers);
      }
    }
    // A thread follows its tag into the layer the file's layer was mapped to.
    if (doc.comments !== undefined && target.record !== undefined)
      target.record.comments = doc.comments.map((comment) => {
        const layer = mapping.get(comment.target.layer);
        return layer === undefined ? comment : { ...comment, target: { ...comment.target, layer } };
      });
  }
  const creates = [...new Set(created.values())];
  checkPlan(input, schema, creates, updates);
  report.layers = [...new Set(mapping.values())];
  finishTotals(report);
  return {
    ok: true,
    report,
    schema,
    creates: creates.map(toWireDocument),
    updates: [...updates].map(([docId, layers]) => ({
      docId,
      layers: [...layers].map(([layer, content]) => wireLayer(layer, content)),
      comments: [],
    })),
  };
}

function toWireDocument(record: DocumentRecord): WireDocument {
  const layers = Object.entries(record.layers).map(([layer, content]) =>
    wireLayer(layer as LayerId, content),
  );
  return { record: JSON.stringify({ ...record, layers: {} }), layers };
}

/** Every document as it would be after the import passes the same checks as a document loaded from disk. */
function checkPlan(
  input: Placement,
  schema: LabelSchema,
  creates: readonly DocumentRecord[],
  updates: ReadonlyMap<DocId, ReadonlyMap<LayerId, Layer>>,
): void {
  const check = (doc: DocumentRecord) => {
    const problem = documentProblem(doc, schema, { sha256: sha256Hex });
    if (problem !== null) {
      throw new WorkbenchError(
        'import-rejected',
        `“${doc.title}” would not be valid after the import: ${problem}. Nothing was imported.`,
      );
    }
  };
  creates.forEach(check);
  for (const [docId, layers] of updates) {
    const doc = input.existing.find((d) => d.id === docId)!;
    const after: DocumentRecord = { ...doc, layers: { ...doc.layers } };
    for (const [layer, content] of layers) setEntry(after.layers, layer, content);
    check(after);
  }
}

function emptyReport(format: string): ImportAnnotationsReport {
  return {
    format,
    preview: true,
    documents: [],
    layers: [],
    schemaAdditions: [],
    warnings: [],
    totals: { added: 0, removed: 0, relabelled: 0, updated: 0, unplaced: 0 },
    summaries: [],
  };
}

function finishTotals(report: ImportAnnotationsReport): void {
  for (const doc of report.documents) {
    report.totals.added += doc.added;
    report.totals.removed += doc.removed;
    report.totals.relabelled += doc.relabelled;
    report.totals.updated += doc.updated;
    report.totals.unplaced += doc.unplaced.length;
  }
}
