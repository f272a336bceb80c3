// Reads a workspace's files straight from disk (e2e), to prove what the app claims is saved really is.
import { readFile, readdir } from 'node:fs/promises';
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

export async function readDiskDocuments(workspace: string): Promise<DiskDocument[]> {
  const dir = join(workspace, 'documents');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as DiskDocument),
  );
}

export async function readDiskDocument(workspace: string, title: string): Promise<DiskDocument> {
  const doc = (await readDiskDocuments(workspace)).find((d) => d.title === title);
  if (doc === undefined) throw new Error(`no document titled "${title}" on disk`);
  return doc;
}
