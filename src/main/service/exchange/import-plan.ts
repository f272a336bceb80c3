// Plans an import of annotated files without writing anything (src/main). The worker thread reads the files;
// here the layers are named and each parsed document's place is found (same text by SHA-256, else our
// document id with re-anchoring, else a new document from the file's text); the worker then places, merges and
// checks the spans (plan-placement.ts). The preview shows this plan; committing writes exactly it. Only
// look-ups and reading the result (in chunks, plan-wire.ts) happen on the main thread.
import { WorkbenchError, type ImportAnnotationsReport, type ImportAnnotationsRequest } from '@shared/api';
import {
  GOLD_LAYER,
  RESERVED_ANNOTATOR_IDS,
  isValidId,
  slugify,
  type Annotator,
  type AnnotatorId,
  type DocId,
  type DocumentRecord,
  type LabelSchema,
  type Layer,
  type LayerId,
} from '@shared/model';
import { JobCancelledError, JobFailedError, JobTimeoutError } from '../../workers/job-runner';
import type { JobInput, JobName, JobOutput } from '../../workers/jobs';
import { newDocId } from '../import-documents';
import type { ServiceContext } from '../service-context';
import { documentJson } from '../../store/sliced-document';
import { cancelledError, type Task } from '../tasks';
import type { PlacedPackage, TargetChoice } from './plan-placement';
import type { PackageDigest } from './read-package';
import { documentFromWire, layerFromWire, throwRefusal } from './plan-wire';

/** Reading a big package is real work: it may take minutes, and the analyst can cancel it. */
const PLAN_BUDGET_MS = 10 * 60_000;

export interface ImportPlan {
  report: ImportAnnotationsReport;
  schema: LabelSchema;
  newAnnotators: Annotator[];
  creates: DocumentRecord[];
  /** Layers (and comments) to put into existing documents. */
  updates: { docId: DocId; layers: Map<LayerId, Layer>; comments: DocumentRecord['comments'] }[];
}

/** What the preview shows: the plan, its layers still as the worker sent them. */
export interface PlannedImport {
  placed: PlacedPackage;
  newAnnotators: Annotator[];
}

/** Runs one planning job on the worker; a package it cannot finish is refused naming its files. */
async function onWorker<N extends JobName>(
  ctx: ServiceContext,
  job: N,
  input: JobInput<N>,
  files: readonly { name: string }[],
  task: Task,
): Promise<JobOutput<N>> {
  try {
    return await ctx.runJob(job, input, { signal: task.signal, budgetMs: PLAN_BUDGET_MS });
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
        { file: names[0] ?? null },
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
  digest: PackageDigest,
  request: ImportAnnotationsRequest,
  annotators: Annotator[],
  fresh: Annotator[],
) {
  const inFile = digest.layers;
  const mapping = new Map<string, LayerId>();
  if (inFile.length <= 1) {
    mapping.set(inFile[0] ?? '', resolveAnalyst(annotators, request.layer, fresh, digest.annotators));
    return mapping;
  }
  for (const id of inFile) {
    const name = digest.annotators?.find((a) => a.id === id)?.name ?? (id === '' ? request.layer : id);
    mapping.set(
      id,
      id === GOLD_LAYER
        ? GOLD_LAYER
        : resolveAnalyst(annotators, isValidId(id) && annotators.some((a) => a.id === id) ? id : name, fresh),
    );
  }
  return mapping;
}

/**
 * Where each parsed document goes: a workspace document with the same text, an earlier new document of the
 * package with the same text, the workspace document of the same id (re-anchored), a new document, or none.
 */
async function chooseTargets(ctx: ServiceContext, digest: PackageDigest) {
  const targets: TargetChoice[] = [];
  /** The documents as JSON written in slices (see PlacementInput). */
  const existing: string[] = [];
  const existingAt = new Map<string, number>();
  const readExisting = async (id: string): Promise<number> => {
    let at = existingAt.get(id);
    if (at === undefined) {
      at = existing.push(await documentJson(await ctx.store.readDocument(id as DocId))) - 1;
      existingAt.set(id, at);
    }
    return at;
  };
  const workspaceIds = new Set(ctx.store.documents().map((d) => d.id as string));
  const newBySha = new Map<string, number>();
  const newIds = new Set<string>();
  for (const [index, doc] of digest.documents.entries()) {
    const known = doc.sha256 === null ? undefined : ctx.store.findBySha256(doc.sha256);
    const earlier = doc.sha256 === null ? undefined : newBySha.get(doc.sha256);
    if (known !== undefined) {
      targets.push({ kind: 'existing', match: 'sha256', existing: await readExisting(known.id) });
    } else if (earlier !== undefined) {
      targets.push({ kind: 'same-as', index: earlier });
    } else if (doc.id !== undefined && workspaceIds.has(doc.id)) {
      targets.push({ kind: 'existing', match: 'reanchored', existing: await readExisting(doc.id) });
    } else if (doc.sha256 === null) {
      targets.push({ kind: 'none' });
    } else {
      const own = doc.id !== undefined && isValidId(doc.id) && !newIds.has(doc.id) ? doc.id : null;
      const id = own ?? newDocId();
      newIds.add(id);
      newBySha.set(doc.sha256, index);
      targets.push({ kind: 'new', id: id as DocId });
    }
  }
  return { targets, existing };
}

/** Reads, places and checks the import on the worker thread: the preview's plan, nothing written. */
export async function previewImport(
  ctx: ServiceContext,
  request: ImportAnnotationsRequest,
  task: Task,
): Promise<PlannedImport> {
  const files = request.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') }));
  const read = await onWorker(ctx, 'read-annotations', { format: request.format, files }, files, task);
  if (!read.ok) throwRefusal(read);
  task.checkpoint();
  task.progress('Placing annotations', 0, 1);
  const ws = ctx.store.workspace();
  const fresh: Annotator[] = [];
  const mapping = layerMapping(read.digest, request, ws.annotators, fresh);
  const { targets, existing } = await chooseTargets(ctx, read.digest);
  task.checkpoint();
  const input = {
    ...{ parsed: read.parsed, format: request.format, schema: ws.labelSchema, mapping: [...mapping] },
    ...{ targets, existing, now: ctx.now().toISOString() },
  };
  const placed = await onWorker(ctx, 'place-annotations', input, files, task);
  if (!placed.ok) throwRefusal(placed);
  task.progress('Placing annotations', 1, 1);
  return { placed, newAnnotators: fresh };
}

/** The whole plan, its layers read back from the worker's chunks (yielding between them): what commit writes. */
export async function planImport(
  ctx: ServiceContext,
  request: ImportAnnotationsRequest,
  task: Task,
): Promise<ImportPlan> {
  const { placed, newAnnotators } = await previewImport(ctx, request, task);
  const creates: DocumentRecord[] = [];
  for (const wire of placed.creates) creates.push(await documentFromWire(wire));
  const updates: ImportPlan['updates'] = [];
  for (const wire of placed.updates) {
    const layers = new Map<LayerId, Layer>();
    for (const layer of wire.layers) layers.set(layer.layer, await layerFromWire(layer));
    updates.push({ docId: wire.docId, layers, comments: wire.comments });
  }
  task.checkpoint();
  return { report: placed.report, schema: placed.schema, newAnnotators, creates, updates };
}
