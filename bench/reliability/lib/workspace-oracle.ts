// The campaigns' judge of a workspace on disk (bench/reliability, Node only). It reads workspace.json and every
// documents/*.json itself and checks them semantically (offsets, quotes, surrogates, sha256, unique ids,
// relations, labels, comments), written apart from the store's own checks on purpose: an oracle that shared the code
// under test would share its blind spots. It also opens the folder with the real store, read-only.
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

/**
 * Reads and judges every file of the workspace. `indexCurrent`: the index in workspace.json must list every
 * document file at its revision (true after a clean close; a killed writer may leave it behind).
 */
export async function inspectWorkspace(dir: string, indexCurrent = true): Promise<WorkspaceInspection> {
  const problems: string[] = [];
  const documents = new Map<string, DocumentRecord>();
  let ws;
  try {
    ws = workspaceFileSchema.parse(await readJson(join(dir, 'workspace.json')));
  } catch (error) {
    return { problems: [`workspace.json: ${String(error).slice(0, 300)}`], documents };
  }
  const names: SchemaNames = {
    labels: new Set(ws.labelSchema.labels.map((l) => l.id)),
    relationTypes: new Set(ws.labelSchema.relationTypes.map((r) => r.id)),
  };
  for (const id of duplicates(ws.annotators.map((a) => a.id)))
    problems.push(`workspace.json: annotator ${id} twice`);
  const files = (await readdir(join(dir, 'documents'))).filter(
    (n) => n.endsWith('.json') && !n.startsWith('.'),
  );
  for (const name of files) {
    try {
      const doc = documentRecordSchema.parse(await readJson(join(dir, 'documents', name)));
      if (`${doc.id}.json` !== name) problems.push(`documents/${name}: holds document ${doc.id}`);
      problems.push(...documentProblems(doc, names).map((p) => `documents/${name}: ${p}`));
      documents.set(doc.id, doc);
    } catch (error) {
      problems.push(`documents/${name}: ${String(error).slice(0, 300)}`);
    }
  }
  if (indexCurrent) {
    const index = new Map(ws.documents.map((d) => [d.id as string, d.revision]));
    for (const [id, doc] of documents) {
      if (index.get(id) !== doc.revision)
        problems.push(`workspace.json: index has ${id} at ${index.get(id)}, file at ${doc.revision}`);
    }
    if (index.size !== files.length)
      problems.push(`workspace.json: index lists ${index.size} documents, folder holds ${files.length}`);
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
