// The campaigns' judge of a workspace on disk (bench/reliability, Node only). It parses workspace.json and every
// documents/*.json itself, takes the documents as the app sees them from the real store opened read-only, and
// checks both semantically (offsets, quotes, surrogates, sha256, unique ids, relations, labels, comments) with
// checks written apart from the store's on purpose: an oracle that shared the code under test would share its
// blind spots.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { documentRecordSchema, workspaceFileSchema, type DocumentRecord } from '@shared/model';
import { openWorkspace } from '../../../src/main/store/workspace-store';

export interface SchemaNames {
  labels: ReadonlySet<string>;
  relationTypes: ReadonlySet<string>;
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds half a surrogate pair: not Unicode text, and not storable as UTF-8. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when a boundary at `at` falls inside a surrogate pair of `text`. */
function cutsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/** Everything semantically wrong with one parsed document (empty when it is sound). */
export function documentProblems(doc: DocumentRecord, names: SchemaNames): string[] {
  const { text } = doc;
  const problems: string[] = [];
  if (createHash('sha256').update(text, 'utf8').digest('hex') !== doc.sha256)
    problems.push('sha256 does not match the text');
  if (hasLoneSurrogate(text)) problems.push('the text holds a lone surrogate');
  for (const [layerId, layer] of Object.entries(doc.layers)) {
    if (layer === undefined) continue;
    const where = (kind: string, id: string): string => `layer ${layerId} ${kind} ${id}`;
    for (const id of duplicates(layer.spans.map((s) => s.id)))
      problems.push(`${where('span', id)} appears twice`);
    for (const span of layer.spans) {
      const { start, end } = span;
      if (!(start >= 0 && start < end && end <= text.length)) {
        problems.push(
          `${where('span', span.id)} range ${start}-${end} is not inside the text (${text.length})`,
        );
        continue;
      }
      if (cutsPair(text, start) || cutsPair(text, end))
        problems.push(`${where('span', span.id)} splits a surrogate pair`);
      if (text.slice(start, end) !== span.quote)
        problems.push(`${where('span', span.id)} quote is not the text it covers`);
      if (!text.slice(0, start).endsWith(span.prefix) || !text.slice(end).startsWith(span.suffix)) {
        problems.push(`${where('span', span.id)} context does not surround it`);
      }
      if (!names.labels.has(span.label))
        problems.push(`${where('span', span.id)} has unknown label ${span.label}`);
    }
    const spanIds = new Set(layer.spans.map((s) => s.id as string));
    for (const id of duplicates(layer.relations.map((r) => r.id)))
      problems.push(`${where('relation', id)} appears twice`);
    for (const relation of layer.relations) {
      if (!spanIds.has(relation.from) || !spanIds.has(relation.to)) {
        problems.push(`${where('relation', relation.id)} points at a span that does not exist`);
      }
      if (!names.relationTypes.has(relation.type)) {
        problems.push(`${where('relation', relation.id)} has unknown type ${relation.type}`);
      }
    }
  }
  problems.push(...commentProblems(doc));
  return problems;
}

/** Review comments: unique ids, each on a span or relation that exists in the layer it names. */
function commentProblems(doc: DocumentRecord): string[] {
  const problems = duplicates(doc.comments.map((c) => c.id)).map((id) => `comment ${id} appears twice`);
  for (const comment of doc.comments) {
    const { layer, kind, id } = comment.target;
    const content = Object.hasOwn(doc.layers, layer)
      ? doc.layers[layer as keyof typeof doc.layers]
      : undefined;
    const targets: { id: string }[] = kind === 'span' ? (content?.spans ?? []) : (content?.relations ?? []);
    if (!targets.some((t) => t.id === id))
      problems.push(`comment ${comment.id} is on ${kind} ${layer}/${id}, which does not exist`);
  }
  return problems;
}

export interface WorkspaceInspection {
  /** Every problem found, each naming its file; empty when the workspace is sound. */
  problems: string[];
  documents: Map<string, DocumentRecord>;
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path))) as unknown;
}

/** Every document file as it is on disk, parsed on its own; files that do not parse are problems. */
async function readDocumentFiles(dir: string, problems: string[]): Promise<Map<string, DocumentRecord>> {
  const onDisk = new Map<string, DocumentRecord>();
  const files = (await readdir(join(dir, 'documents'))).filter(
    (n) => n.endsWith('.json') && !n.startsWith('.'),
  );
  for (const name of files) {
    try {
      const doc = documentRecordSchema.parse(await readJson(join(dir, 'documents', name)));
      if (`${doc.id}.json` !== name) problems.push(`documents/${name}: holds document ${doc.id}`);
      onDisk.set(doc.id, doc);
    } catch (error) {
      problems.push(`documents/${name}: ${String(error).slice(0, 300)}`);
    }
  }
  return onDisk;
}

/**
 * The documents as the app sees them, through the store's own loader opened read-only (so whatever the store
 * does on load — replaying a per-document journal, hiding a batch a killed writer left unfinished — is what is
 * judged), or the reason it cannot open.
 */
async function readThroughStore(dir: string): Promise<Map<string, DocumentRecord> | string> {
  let store;
  try {
    store = await openWorkspace(dir, { owner: 'test', readOnly: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const loaded = new Map<string, DocumentRecord>();
  try {
    for (const { id } of store.documents()) loaded.set(id, await store.readDocument(id));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await store.close();
  }
  return loaded;
}

/**
 * Judges the workspace: workspace.json and every document file must parse (read here, directly), and every
 * document the store loads must pass this oracle's own semantic checks, as must any file the store does not
 * load. `indexCurrent`: the index in workspace.json must list every loaded document at its revision (true
 * after a clean close; a killed writer may leave it behind). `documents` are the store's view when it opens.
 */
export async function inspectWorkspace(dir: string, indexCurrent = true): Promise<WorkspaceInspection> {
  const problems: string[] = [];
  let ws;
  try {
    ws = workspaceFileSchema.parse(await readJson(join(dir, 'workspace.json')));
  } catch (error) {
    return { problems: [`workspace.json: ${String(error).slice(0, 300)}`], documents: new Map() };
  }
  const names: SchemaNames = {
    labels: new Set(ws.labelSchema.labels.map((l) => l.id)),
    relationTypes: new Set(ws.labelSchema.relationTypes.map((r) => r.id)),
  };
  for (const id of duplicates(ws.annotators.map((a) => a.id)))
    problems.push(`workspace.json: annotator ${id} twice`);
  const onDisk = await readDocumentFiles(dir, problems);
  const loaded = await readThroughStore(dir);
  if (typeof loaded === 'string') problems.push(`store: cannot read: ${loaded.slice(0, 300)}`);
  const documents = typeof loaded === 'string' ? onDisk : loaded;
  const judged = new Map([...onDisk, ...documents]);
  for (const [id, doc] of judged)
    problems.push(...documentProblems(doc, names).map((p) => `documents/${id}.json: ${p}`));
  if (indexCurrent) {
    const index = new Map(ws.documents.map((d) => [d.id as string, d.revision]));
    for (const [id, doc] of documents) {
      if (index.get(id) !== doc.revision)
        problems.push(`workspace.json: index has ${id} at ${index.get(id)}, store at ${doc.revision}`);
    }
    if (index.size !== documents.size)
      problems.push(`workspace.json: index lists ${index.size} documents, the store ${documents.size}`);
  }
  return { problems, documents };
}

/** Opens the folder with the real store, read-only: what the app would report as damaged, or why it cannot open. */
export async function storeProblems(dir: string): Promise<string[]> {
  try {
    const store = await openWorkspace(dir, { owner: 'test', readOnly: true });
    const found = store.problems.map((p) => `store: ${p.file}: ${p.reason}`);
    await store.close();
    return found;
  } catch (error) {
    return [`store: cannot open: ${error instanceof Error ? error.message : String(error)}`];
  }
}
