// Plans an import of annotated files without writing anything (src/main): parse on the worker thread, name the
// layers, find each file's document (same text by SHA-256, else our document id with re-anchoring, else a new
// document from the file's text), place the spans, and merge them into the layer. The preview shows this plan;
// committing writes exactly it.
import {
  WorkbenchError,
  type ImportAnnotationsReport,
  type ImportAnnotationsRequest,
  type ImportedDocument,
} from '@shared/api';
import type { ParsedDocument, ParsedPackage } from '@shared/formats/annotations';
import {
  GOLD_LAYER,
  documentProblem,
  setEntry,
  RESERVED_ANNOTATOR_IDS,
  isValidId,
  ownEntry,
  slugify,
  type Annotator,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type LabelSchema,
  type Layer,
  type LayerId,
} from '@shared/model';
import { pickTitle } from '@shared/formats/import';
import { JobCancelledError, JobFailedError, JobTimeoutError } from '../../workers/job-runner';
import { newDocId, sha256Hex } from '../import-documents';
import type { ServiceContext } from '../service-context';
import { cancelledError, type Task } from '../tasks';
import { decodeInputFiles } from './input-files';
import { mergeLayer } from './layer-merge';
import { placeLayer } from './place-spans';
import { extendSchema } from './schema-additions';

/** Reading a big package is real work: it may take minutes, and the analyst can cancel it. */
const PARSE_BUDGET_MS = 10 * 60_000;

export interface ImportPlan {
  report: ImportAnnotationsReport;
  schema: LabelSchema;
  newAnnotators: Annotator[];
  creates: DocumentRecord[];
  /** Layers (and comments) to put into existing documents. */
  updates: { docId: DocId; layers: Map<LayerId, Layer>; comments: DocumentRecord['comments'] }[];
}

async function parsePackage(
  ctx: ServiceContext,
  request: ImportAnnotationsRequest,
  task: Task,
): Promise<ParsedPackage> {
  const files = decodeInputFiles(
    request.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
  );
  try {
    const outcome = await ctx.runJob(
      'parse-annotations',
      { format: request.format, files },
      { signal: task.signal, budgetMs: PARSE_BUDGET_MS },
    );
    if (outcome.ok) return outcome.value;
    const where = outcome.line === undefined ? outcome.file : `${outcome.file}, line ${outcome.line}`;
    const message = outcome.message.replace(/^line \d+: /, '');
    throw new WorkbenchError('import-rejected', `${where}: ${message}. Nothing was imported.`, {
      file: outcome.file,
      line: outcome.line,
    });
  } catch (error) {
    if (error instanceof JobCancelledError) throw cancelledError();
    if (error instanceof JobTimeoutError || error instanceof JobFailedError) {
      // The worker gave up on the package as a whole; name its files, since no line can be named.
      const names = files.map((f) => f.name);
      const which =
        names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
      throw new WorkbenchError(
        'import-rejected',
        `${which}: could not be read (${error.message}). Nothing was imported.`,
        {
          file: names[0] ?? null,
        },
      );
    }
    throw error;
  }
}

/**
 * The analyst a layer name means: an existing one by id or name, gold, or a new one — named as the package
 * names them when it knows them (a native package carries its analysts), else by the name given.
 */
export function resolveAnalyst(
  annotators: Annotator[],
  name: string,
  fresh: Annotator[],
  inPackage: readonly Annotator[] = [],
): LayerId {
  if (name.toLowerCase() === GOLD_LAYER) return GOLD_LAYER;
  const same = (a: Annotator) => a.id === name || a.name.toLowerCase() === name.toLowerCase();
  const known = [...annotators, ...fresh].find(same);
  if (known !== undefined) return known.id;
  const taken = (id: string) =>
    RESERVED_ANNOTATOR_IDS.has(id) || [...annotators, ...fresh].some((a) => a.id === id);
  const described = inPackage.find(same);
  if (described !== undefined && isValidId(described.id) && !taken(described.id)) {
    fresh.push({ id: described.id, name: described.name });
    return described.id;
  }
  const base = isValidId(name) && name === name.toLowerCase() ? name : slugify(name);
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  fresh.push({ id: id as AnnotatorId, name });
  return id as AnnotatorId;
}

/** Each layer of the file → a workspace layer: a file with one layer goes where the analyst said. */
function layerMapping(
  parsed: ParsedPackage,
  request: ImportAnnotationsRequest,
  annotators: Annotator[],
  fresh: Annotator[],
) {
  const inFile = [...new Set(parsed.documents.flatMap((d) => d.layers.map((l) => l.layer ?? '')))];
  const mapping = new Map<string, LayerId>();
  if (inFile.length <= 1) {
    mapping.set(inFile[0] ?? '', resolveAnalyst(annotators, request.layer, fresh, parsed.annotators));
    return mapping;
  }
  for (const id of inFile) {
    const name = parsed.annotators?.find((a) => a.id === id)?.name ?? (id === '' ? request.layer : id);
    mapping.set(
      id,
      id === GOLD_LAYER
        ? GOLD_LAYER
        : resolveAnalyst(annotators, isValidId(id) && annotators.some((a) => a.id === id) ? id : name, fresh),
    );
  }
  return mapping;
}

function newRecord(
  doc: ParsedDocument,
  format: string,
  text: string,
  sha: string,
  now: string,
  batch: string,
): DocumentRecord {
  const id = doc.id !== undefined && isValidId(doc.id) ? doc.id : newDocId();
  return {
    schemaVersion: 1,
    id: id as DocId,
    title: pickTitle(doc.title, doc.source.file.replace(/^.*\//, '').replace(/\.[^.]*$/, '')),
    text,
    sha256: sha,
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
      batch,
    },
    status: doc.status ?? {},
    layers: {},
    comments: [],
    rejectedSuggestions: [],
    reviewRejections: [],
    revision: 0,
  };
}

export async function planImport(
  ctx: ServiceContext,
  request: ImportAnnotationsRequest,
  task: Task,
): Promise<ImportPlan> {
  const parsed = await parsePackage(ctx, request, task);
  const ws = ctx.store.workspace();
  const fresh: Annotator[] = [];
  const mapping = layerMapping(parsed, request, ws.annotators, fresh);
  const { schema, additions } = extendSchema(ws.labelSchema, parsed);
  const now = ctx.now().toISOString();
  const batch = `annotations-${now}`;
  const plan: ImportPlan = {
    report: emptyReport(request.format),
    schema,
    newAnnotators: fresh,
    creates: [],
    updates: [],
  };
  plan.report.schemaAdditions = additions;
  plan.report.warnings.push(...parsed.warnings);
  const created = new Map<string, DocumentRecord>();
  const updates = new Map<DocId, ImportPlan['updates'][number]>();
  for (const [index, doc] of parsed.documents.entries()) {
    task.checkpoint();
    task.progress('Placing annotations', index, parsed.documents.length);
    const target = await findTarget(ctx, doc, created, request.format, now, batch);
    for (const parsedLayer of doc.layers) {
      const layerId = mapping.get(parsedLayer.layer ?? '') ?? mapping.values().next().value!;
      const entry: ImportedDocument = {
        title: target.title,
        match: target.match,
        docId: target.docId,
        layer: layerId,
        spans: 0,
        relations: 0,
        added: 0,
        removed: 0,
        relabelled: 0,
        updated: 0,
        unplaced: [],
      };
      plan.report.documents.push(entry);
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
        now,
      });
      entry.unplaced = placed.unplaced;
      if (placed.droppedRelations > 0)
        plan.report.warnings.push(
          `${target.title}: ${placed.droppedRelations} relation(s) left out because an end could not be placed`,
        );
      const pendingUpdate = updates.get(target.docId as DocId);
      const previous =
        target.record !== undefined
          ? ownEntry(target.record.layers, layerId)
          : (pendingUpdate?.layers.get(layerId) ?? ownEntry(target.existing!.layers, layerId));
      const merged = mergeLayer(previous, placed);
      Object.assign(entry, merged.counts, {
        spans: merged.layer.spans.length,
        relations: merged.layer.relations.length,
      });
      if (target.record !== undefined) target.record.layers[layerId] = merged.layer;
      else {
        const update = updates.get(target.docId as DocId) ?? {
          docId: target.docId as DocId,
          layers: new Map(),
          comments: [],
        };
        update.layers.set(layerId, merged.layer);
        updates.set(update.docId, update);
      }
    }
    // A thread follows its tag into the layer the file's layer was mapped to.
    if (doc.comments !== undefined && target.record !== undefined)
      target.record.comments = doc.comments.map((comment) => {
        const layer = mapping.get(comment.target.layer);
        return layer === undefined ? comment : { ...comment, target: { ...comment.target, layer } };
      });
  }
  plan.creates = [...created.values()];
  plan.updates = [...updates.values()];
  await checkPlan(ctx, plan);
  plan.report.layers = [...new Set(mapping.values())];
  finishTotals(plan.report);
  return plan;
}

interface Target {
  title: string;
  match: ImportedDocument['match'];
  docId: string | null;
  text: string | null;
  record?: DocumentRecord;
  existing?: DocumentRecord;
}

async function findTarget(
  ctx: ServiceContext,
  doc: ParsedDocument,
  created: Map<string, DocumentRecord>,
  format: string,
  now: string,
  batch: string,
): Promise<Target> {
  const title = doc.title ?? doc.source.file;
  if (doc.text !== undefined) {
    const sha = sha256Hex(doc.text);
    const known = ctx.store.findBySha256(sha);
    if (known !== undefined) {
      const existing = await ctx.store.readDocument(known.id as DocId);
      return { title: known.title, match: 'sha256', docId: known.id, text: existing.text, existing };
    }
    const pending = created.get(sha);
    if (pending !== undefined)
      return { title: pending.title, match: 'new', docId: pending.id, text: pending.text, record: pending };
  }
  const sameId = doc.id !== undefined ? ctx.store.documents().find((d) => d.id === doc.id) : undefined;
  if (sameId !== undefined) {
    const existing = await ctx.store.readDocument(sameId.id as DocId);
    return { title: sameId.title, match: 'reanchored', docId: sameId.id, text: existing.text, existing };
  }
  if (doc.text === undefined) return { title, match: 'new', docId: null, text: null };
  const sha = sha256Hex(doc.text);
  const record = newRecord(doc, format, doc.text, sha, now, batch);
  if (
    ctx.store.documents().some((d) => d.id === record.id) ||
    [...created.values()].some((r) => r.id === record.id)
  )
    record.id = newDocId();
  created.set(sha, record);
  return { title: record.title, match: 'new', docId: record.id, text: record.text, record };
}

/** Every document as it would be after the import passes the same checks as a document loaded from disk. */
async function checkPlan(ctx: ServiceContext, plan: ImportPlan): Promise<void> {
  const check = (doc: DocumentRecord) => {
    const problem = documentProblem(doc, plan.schema, { sha256: sha256Hex });
    if (problem !== null) {
      throw new WorkbenchError(
        'import-rejected',
        `“${doc.title}” would not be valid after the import: ${problem}. Nothing was imported.`,
      );
    }
  };
  plan.creates.forEach(check);
  for (const update of plan.updates) {
    const doc = await ctx.store.readDocument(update.docId);
    for (const [layer, content] of update.layers) setEntry(doc.layers, layer, content);
    check(doc);
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
