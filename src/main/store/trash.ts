// The workspace's trash (src/main): a deleted document is written whole to trash/<id>.json with who deleted it
// and when, and only then removed from documents/, so a crash in between leaves it in both places, never in
// neither. Listing skips trash entries whose document is back in the workspace; restoring re-checks the
// document against today's label schema before it returns to the list.
import { join } from 'node:path';
import { z } from 'zod';
import type { TrashedDocument } from '@shared/api/contract';
import type { DocumentRecord } from '@shared/model';
import { readJsonFile, TEMP_FILE_PATTERN, writeFileAtomically } from './durable-json-file';
import type { FileIO } from './file-io';
import type { WorkspaceLayout } from './layout';
import { decodeDocument, type DocumentCheck } from './validation';

const trashEntrySchema = z.object({
  deletedAt: z.string(),
  deletedBy: z.string(),
  document: z.unknown(),
});

export function trashPath(layout: WorkspaceLayout, id: string): string {
  return join(layout.trashDir, `${id}.json`);
}

/** Writes the document into the trash durably; the caller removes it from documents/ afterwards. */
export async function writeTrashEntry(
  io: FileIO,
  layout: WorkspaceLayout,
  doc: DocumentRecord,
  deleted: { at: string; by: string },
): Promise<TrashedDocument> {
  await io.mkdirp(layout.trashDir);
  const entry = { deletedAt: deleted.at, deletedBy: deleted.by, document: doc };
  await writeFileAtomically(io, trashPath(layout, doc.id), JSON.stringify(entry));
  return describe(doc, entry);
}

/** The trashed document, checked like any document file; null when the trash holds no such document. */
export async function readTrashEntry(
  io: FileIO,
  layout: WorkspaceLayout,
  id: string,
  limits: { maxBytes: number; check: DocumentCheck },
): Promise<DocumentRecord | null> {
  const raw = await readJsonFile(io, trashPath(layout, id), limits.maxBytes);
  if (raw === null) return null;
  const entry = trashEntrySchema.safeParse(raw);
  if (!entry.success) throw new Error(`trash/${id}.json is not a trash entry`);
  return decodeDocument(entry.data.document, id, limits.check);
}

/** What the trash holds, newest deletion first, leaving out documents that are in the workspace again. */
export async function listTrash(
  io: FileIO,
  layout: WorkspaceLayout,
  inWorkspace: (id: string) => boolean,
  maxBytes: number,
): Promise<TrashedDocument[]> {
  const names = await io.readdir(layout.trashDir).catch(() => [] as string[]);
  const listed: TrashedDocument[] = [];
  for (const name of names) {
    const id = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || TEMP_FILE_PATTERN.test(name) || inWorkspace(id)) continue;
    const raw = await readJsonFile(io, join(layout.trashDir, name), maxBytes).catch(() => null);
    const entry = trashEntrySchema.safeParse(raw);
    const doc = z
      .object({ id: z.string(), title: z.string(), text: z.string() })
      .safeParse(entry.data?.document);
    if (entry.success && doc.success && doc.data.id === id) listed.push(describe(doc.data, entry.data));
  }
  return listed.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

function describe(
  doc: { id: string; title: string; text: string },
  entry: { deletedAt: string; deletedBy: string },
): TrashedDocument {
  return {
    id: doc.id,
    title: doc.title,
    chars: doc.text.length,
    deletedAt: entry.deletedAt,
    deletedBy: entry.deletedBy,
  };
}
