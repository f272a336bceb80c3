// The open documents and their files (src/main): a LiveDocument per document for a bounded set kept in memory,
// what is known of each journal, and the three writes: append a journal entry (the acknowledged save of an
// annotation batch), write the whole document file (create, update, compaction) and drop the journal after it.
// A document whose live copy was dropped is loaded again from its file plus its journal when needed.
import { dirname } from 'node:path';
import type { DocumentRecord } from '@shared/model';
import { writeFileAtomically } from './durable-json-file';
import { loadDocument, NO_JOURNAL, type JournalState, type LoadedDocument } from './document-files';
import { errnoCode, type FileIO } from './file-io';
import { journalLine, type JournalEntry } from './journal-file';
import { documentPath, journalPath, type WorkspaceLayout } from './layout';
import { LiveDocument } from './live-document';
import { documentFileText } from './sliced-document';
import type { DocumentCheck } from './validation';

export interface DocumentCacheOptions {
  io: FileIO;
  layout: WorkspaceLayout;
  maxDocumentBytes: number;
  maxCachedDocuments: number;
  documentCheck: DocumentCheck;
}

interface Slot {
  live: LiveDocument | null;
  journal: JournalState;
}

export class DocumentCache {
  private readonly slots = new Map<string, Slot>();
  /** Ids whose live document is held in memory, least recently used first. */
  private readonly recent = new Set<string>();

  constructor(private readonly options: DocumentCacheOptions) {}

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Registers a document that was just read from its file (and journal). */
  adopt(loaded: Pick<LoadedDocument, 'id' | 'live' | 'journal'>): void {
    this.slots.set(loaded.id, { live: loaded.live, journal: loaded.journal });
    this.touch(loaded.id);
  }

  /** Registers a document left unread on open (it has no journal): it is read from its file when first used. */
  adoptUnread(id: string): void {
    this.slots.set(id, { live: null, journal: NO_JOURNAL });
  }

  /** Registers a document whose file was just written (a new document: there is no journal). */
  adoptNew(doc: DocumentRecord): void {
    this.adopt({ id: doc.id, live: new LiveDocument(doc), journal: NO_JOURNAL });
  }

  /**
   * The live document, loaded again from its file and journal when it was dropped; null when the file has
   * gone. Throws JsonFileError (or the check's Error) when a file cannot be used.
   */
  async get(id: string): Promise<LiveDocument | null> {
    const slot = this.slots.get(id);
    if (!slot) return null;
    if (slot.live === null) {
      const { io, layout, maxDocumentBytes, documentCheck } = this.options;
      const loaded = await loadDocument({ io, layout, maxBytes: maxDocumentBytes, check: documentCheck }, id);
      if (loaded === null) return null;
      slot.live = loaded.live;
      slot.journal = loaded.journal;
    }
    this.touch(id);
    return slot.live;
  }

  journal(id: string): JournalState {
    return this.slots.get(id)?.journal ?? NO_JOURNAL;
  }

  /**
   * Appends `entry` to the document's journal, durably: this is the acknowledged save. A failed append may
   * have left part of a line, so the journal is marked unclean and must be compacted away before the next one.
   */
  async append(id: string, entry: JournalEntry): Promise<void> {
    const slot = this.slots.get(id);
    if (!slot) throw new Error(`append to unknown document ${id}`);
    const line = journalLine(entry);
    const path = journalPath(this.options.layout, id);
    const created = !slot.journal.exists;
    slot.journal = { ...slot.journal, exists: true, clean: false };
    await this.options.io.appendSynced(path, line);
    // A new file's directory entry must be durable too, or power loss could lose the whole journal.
    if (created) await this.options.io.fsyncDir(dirname(path));
    slot.journal = {
      exists: true,
      entries: slot.journal.entries + 1,
      bytes: slot.journal.bytes + Buffer.byteLength(line),
      clean: true,
    };
  }

  /**
   * Writes the whole document file durably (temp, fsync, rename), holds `live` as the current version, then
   * removes the journal, whose entries the file now contains. A failed write changes nothing; a failed removal
   * leaves a journal of entries the file already has (skipped on replay), marked to be removed again.
   */
  async writeFile(live: LiveDocument): Promise<void> {
    const { io, layout } = this.options;
    const id = live.record.id;
    const text = await documentFileText(live.record, this.options.maxDocumentBytes);
    await writeFileAtomically(io, documentPath(layout, id), text);
    const slot = this.slots.get(id) ?? { live, journal: NO_JOURNAL };
    slot.live = live;
    this.slots.set(id, slot);
    this.touch(id);
    if (!slot.journal.exists) return;
    slot.journal = { ...slot.journal, clean: false };
    await io.unlink(journalPath(layout, id)).catch((error: unknown) => {
      if (errnoCode(error) !== 'ENOENT') throw error;
    });
    await io.fsyncDir(layout.documentsDir);
    slot.journal = NO_JOURNAL;
  }

  /** The documents that have a journal file (to compact on close). */
  withJournals(): string[] {
    return [...this.slots].filter(([, slot]) => slot.journal.exists).map(([id]) => id);
  }

  /** Forgets the document altogether (it went to the trash). */
  forget(id: string): void {
    this.recent.delete(id);
    this.slots.delete(id);
  }

  /** Forgets the live copy (the file turned out to be damaged); the id stays known. */
  drop(id: string): void {
    this.recent.delete(id);
    const slot = this.slots.get(id);
    if (slot) slot.live = null;
  }

  private touch(id: string): void {
    this.recent.delete(id);
    this.recent.add(id);
    for (const oldest of this.recent) {
      if (this.recent.size <= this.options.maxCachedDocuments || oldest === id) break;
      this.recent.delete(oldest);
      const slot = this.slots.get(oldest);
      if (slot) slot.live = null;
    }
  }
}
