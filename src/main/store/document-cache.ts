// The lowdb instances of the open documents, one per document file, with a bounded set of parsed copies kept
// in memory (src/main). A document whose parsed copy was dropped is read from its file again when needed.
import { Low } from 'lowdb';
import type { DocumentRecord } from '@shared/model';
import { documentAdapter } from './document-files';
import type { FileIO } from './file-io';
import type { WorkspaceLayout } from './layout';
import type { DocumentCheck } from './validation';

type DocDb = Low<DocumentRecord | null>;

export interface DocumentCacheOptions {
  io: FileIO;
  layout: WorkspaceLayout;
  maxDocumentBytes: number;
  maxCachedDocuments: number;
  documentCheck: DocumentCheck;
}

export class DocumentCache {
  private readonly dbs = new Map<string, DocDb>();
  /** Ids whose parsed document is held in memory, least recently used first. */
  private readonly recent = new Set<string>();

  constructor(private readonly options: DocumentCacheOptions) {}

  has(id: string): boolean {
    return this.dbs.has(id);
  }

  /** Registers a document that was just read from its file. */
  adopt(doc: DocumentRecord): void {
    this.dbs.set(doc.id, new Low<DocumentRecord | null>(this.adapterFor(doc.id), doc));
    this.touch(doc.id);
  }

  /**
   * The document, read from its file when its parsed copy was dropped; null when the file has gone.
   * Throws the adapter's JsonFileError when the file cannot be used.
   */
  async get(id: string): Promise<DocumentRecord | null> {
    const db = this.dbs.get(id);
    if (!db) return null;
    if (db.data === null) await db.read();
    if (db.data !== null) this.touch(id);
    return db.data;
  }

  /** Writes `doc` durably to its file and only then holds it as the current version (new ids included). */
  async save(doc: DocumentRecord): Promise<void> {
    const db = this.dbs.get(doc.id) ?? new Low<DocumentRecord | null>(this.adapterFor(doc.id), null);
    await db.adapter.write(doc);
    db.data = doc;
    this.dbs.set(doc.id, db);
    this.touch(doc.id);
  }

  /** Forgets the document altogether (it went to the trash). */
  forget(id: string): void {
    this.recent.delete(id);
    this.dbs.delete(id);
  }

  /** Forgets the parsed copy (the file turned out to be damaged); the id stays known. */
  drop(id: string): void {
    this.recent.delete(id);
    const db = this.dbs.get(id);
    if (db) db.data = null;
  }

  private adapterFor(id: string) {
    const { io, layout, maxDocumentBytes, documentCheck } = this.options;
    return documentAdapter({ io, layout, maxBytes: maxDocumentBytes, check: documentCheck }, id);
  }

  private touch(id: string): void {
    this.recent.delete(id);
    this.recent.add(id);
    for (const oldest of this.recent) {
      if (this.recent.size <= this.options.maxCachedDocuments || oldest === id) break;
      this.recent.delete(oldest);
      const db = this.dbs.get(oldest);
      if (db) db.data = null;
    }
  }
}
