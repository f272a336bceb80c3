// Reads a workspace's files straight from disk (e2e), to prove what the app claims is saved really is.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiskSpan {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string;
}

export interface DiskDocument {
  id: string;
  title: string;
  text: string;
  import: { crlfAt: number[]; lineEndings: string };
  layers: Record<string, { spans: DiskSpan[] }>;
}

/** One line of `documents/<id>.journal` (src/main/store/journal-file.ts): a save's net result on a layer. */
interface JournalEntry {
  layer: string;
  set: { spans: DiskSpan[] };
  del: { spans: string[] };
}

const readJournal = (dir: string, id: string) => readFile(join(dir, `${id}.journal`), 'utf8').catch(() => '');

/**
 * Folds the document's journal of saves (if any) into its file's layers, as loading does: a save appends
 * there and the file catches up later. Lines are `<crc32> <json>`; a torn last line was never acknowledged.
 */
function withJournal(doc: DiskDocument, text: string): DiskDocument {
  for (const line of text.split('\n')) {
    const json = line.slice(line.indexOf(' ') + 1);
    let entry: JournalEntry;
    try {
      entry = JSON.parse(json) as JournalEntry;
    } catch {
      continue;
    }
    const gone = new Set([...entry.del.spans, ...entry.set.spans.map((span) => span.id)]);
    const layer = doc.layers[entry.layer] ?? { spans: [] };
    doc.layers[entry.layer] = {
      ...layer,
      spans: [...layer.spans.filter((s) => !gone.has(s.id)), ...entry.set.spans],
    };
  }
  return doc;
}

/**
 * One document as loading would see it. The host may compact meanwhile (fold the journal into the file and
 * remove it), so the journal is read before and after the file and the read is repeated until they agree.
 */
async function readDiskFile(dir: string, name: string): Promise<DiskDocument> {
  const id = name.slice(0, -'.json'.length);
  for (let attempt = 0; ; attempt++) {
    const before = await readJournal(dir, id);
    const doc = JSON.parse(await readFile(join(dir, name), 'utf8')) as DiskDocument;
    const after = await readJournal(dir, id);
    if (before === after || attempt === 20) return withJournal(doc, after);
  }
}

export async function readDiskDocuments(workspace: string): Promise<DiskDocument[]> {
  const dir = join(workspace, 'documents');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  return Promise.all(names.map((name) => readDiskFile(dir, name)));
}

export async function readDiskDocument(workspace: string, title: string): Promise<DiskDocument> {
  const doc = (await readDiskDocuments(workspace)).find((d) => d.title === title);
  if (doc === undefined) throw new Error(`no document titled "${title}" on disk`);
  return doc;
}

/**
 * Writes a colleague's layer straight into a document file and names them in workspace.json (while no host
 * runs), as a copied workspace or an imported package would bring it.
 */
export async function addLayerOnDisk(
  workspace: string,
  title: string,
  analyst: { id: string; name: string },
  tags: readonly (readonly [quote: string, label: string])[],
): Promise<void> {
  const docs = await readDiskDocuments(workspace);
  const doc = docs.find((d) => d.title === title);
  if (doc === undefined) throw new Error(`no document titled "${title}" on disk`);
  const now = '2026-01-01T00:00:00.000Z';
  const spans = tags.map(([quote, label], i) => {
    const start = doc.text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in "${title}"`);
    const end = start + quote.length;
    return {
      id: `${analyst.id}-s${i}`,
      label,
      start,
      end,
      quote,
      prefix: doc.text.slice(Math.max(0, start - 32), start),
      suffix: doc.text.slice(end, end + 32),
      attributes: {},
      note: '',
      createdBy: analyst.id,
      createdAt: now,
      updatedAt: now,
    };
  });
  const path = join(workspace, 'documents', `${doc.id}.json`);
  const raw = JSON.parse(await readFile(path, 'utf8')) as { layers: Record<string, unknown> };
  raw.layers[analyst.id] = { spans, relations: [] };
  await writeFile(path, JSON.stringify(raw));
  const wsPath = join(workspace, 'workspace.json');
  const ws = JSON.parse(await readFile(wsPath, 'utf8')) as { annotators: { id: string; name: string }[] };
  if (!ws.annotators.some((a) => a.id === analyst.id)) ws.annotators.push(analyst);
  await writeFile(wsPath, JSON.stringify(ws));
}
