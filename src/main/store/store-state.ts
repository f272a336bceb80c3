// The open workspace store behind `openWorkspace`: in-memory state, per-document write queues and the
// derived document index (src/main). An annotation batch is applied to the live document and saved as one
// fsynced journal append (undone in memory if the append fails); other changes mutate a clone, write the whole
// file durably and only then swap it in. Either way a failed write (ENOSPC, EIO) leaves memory equal to disk.
import type { Low } from 'lowdb';
import type { StoreProblem, TrashedDocument } from '@shared/api/contract';
import { WorkbenchError } from '@shared/api/result';
import {
  summarizeDocument,
  type DocId,
  type DocumentRecord,
  type DocumentSummary,
  type WorkspaceFile,
} from '@shared/model';
import { documentBackupTarget, workspaceBackupTarget, type Backups } from './backups';
import { CompactionScheduler, type CompactionPolicy } from './compaction-scheduler';
import { DocumentCache } from './document-cache';
import type { DamagedManifest } from './batch-recovery';
import { BatchWriter } from './batch-writer';
import { writeStamps } from './document-stamps';
import { describeDamage, documentDamagedError } from './document-damage';
import { JsonFileError } from './durable-json-file';
import { describeLoadFailure, type DamagedDocument, type LoadedDocument } from './document-files';
import { errnoCode, type FileIO } from './file-io';
import { IndexWriter } from './index-writer';
import { ioError } from './io-errors';
import { documentPath, journalPath, relativeName, type WorkspaceLayout } from './layout';
import { LiveDocument, deepFreeze, type AnnotationChange } from './live-document';
import { quarantineFile } from './quarantine';
import { SerialQueue } from './serial-queue';
import { listTrash, readTrashEntry, trashPath, writeTrashEntry } from './trash';
import type { BatchWrite } from './staged-batch';
import {
  checkedNewDocument,
  checkedWorkspace,
  describeBatch,
  documentAfter,
  settingsAfter,
} from './store-changes';
import { documentCopy, documentFileText } from './sliced-document';
import { documentCheckStepsFor, type DocumentCheck } from './validation';
import type { WorkspaceLock } from './workspace-lock';
import type { AppliedAnnotations, StoreBatch, StoreBatchResult, WorkspaceStore } from './workspace-store';

export interface StoreDeps {
  io: FileIO;
  layout: WorkspaceLayout;
  readOnly: boolean;
  backups: Backups;
  now: () => Date;
  maxDocumentBytes: number;
  maxCachedDocuments: number;
  workspaceDb: Low<WorkspaceFile>;
  lock: WorkspaceLock | null;
  /** Semantic check of a whole document (on load and create, never per save). */
  documentCheck: DocumentCheck;
  compaction: CompactionPolicy;
}

export class StoreState implements WorkspaceStore {
  readonly dir: string;
  private readonly index = new Map<string, DocumentSummary>();
  private readonly docs: DocumentCache;
  private readonly damaged = new Map<string, StoreProblem>();
  /** Documents whose last file write failed part-way: the file may or may not hold it, so it is read at the next open. */
  private readonly unsureFiles = new Set<string>();
  private readonly problemList: StoreProblem[] = [];
  private readonly docQueues = new Map<string, SerialQueue>();
  private readonly wsQueue = new SerialQueue();
  /** New documents are created one batch at a time. */
  private readonly createQueue = new SerialQueue();
  private snapshot: WorkspaceFile | null = null;
  /** workspace.json without the index, deep-frozen once per change (the index entries are frozen already). */
  private settings: WorkspaceFile | null = null;
  private readonly indexWriter: IndexWriter;
  /** Writes that must be all or nothing across files: new documents, imports. */
  private readonly batches: BatchWriter;
  private readonly compactions: CompactionScheduler;
  private lockLost: string | null = null;
  private closing: Promise<void> | null = null;

  constructor(readonly deps: StoreDeps) {
    this.dir = deps.layout.dir;
    this.docs = new DocumentCache(deps);
    this.batches = new BatchWriter(deps.io, deps.layout);
    this.compactions = new CompactionScheduler(deps.compaction, (id) =>
      this.compact(id).catch(() => undefined),
    );
    this.indexWriter = new IndexWriter(
      () =>
        this.saveWorkspaceFile(
          { ...this.deps.workspaceDb.data, documents: [...this.index.values()] },
          'save the document index in workspace.json',
        ),
      this.wsQueue,
      () => !this.deps.readOnly && this.lockLost === null,
    );
  }

  get problems(): readonly StoreProblem[] {
    return Object.freeze([...this.problemList]);
  }

  workspace(): WorkspaceFile {
    if (this.snapshot === null) {
      this.settings ??= deepFreeze(structuredClone({ ...this.deps.workspaceDb.data, documents: [] }));
      // The summaries are deep-frozen already: only the list is new, so this costs pointers, not a clone.
      const documents = Object.freeze([...this.index.values()]) as DocumentSummary[];
      this.snapshot = Object.freeze({ ...this.settings, documents });
    }
    return this.snapshot;
  }

  documents(): DocumentSummary[] {
    return this.workspace().documents;
  }

  findBySha256(sha: string): DocumentSummary | undefined {
    return this.documents().find((summary) => summary.sha256 === sha);
  }

  async updateWorkspace(mutate: (draft: WorkspaceFile) => void): Promise<WorkspaceFile> {
    this.assertWritable();
    return this.wsQueue.run(async () => {
      this.assertLockHeld();
      const draft = settingsAfter(this.workspace(), mutate);
      // The index is derived from the document files; edits to it would be overwritten, so they are ignored.
      const version = this.indexWriter.currentVersion();
      const checked = checkedWorkspace({ ...draft, documents: [...this.index.values()] });
      await this.saveWorkspaceFile(checked, 'save workspace.json');
      this.indexWriter.markSaved(version);
      return this.workspace();
    });
  }

  async readDocument(id: DocId): Promise<DocumentRecord> {
    if (this.closing) throw this.closedError();
    return this.queueFor(id).run(async () => documentCopy((await this.load(id)).record));
  }

  async documentSnapshot(id: DocId): Promise<Readonly<DocumentRecord>> {
    if (this.closing) throw this.closedError();
    return this.queueFor(id).run(async () => (await this.load(id)).snapshot());
  }

  async createDocument(doc: DocumentRecord): Promise<DocumentSummary> {
    const [summary] = await this.createDocuments([doc]);
    return summary as DocumentSummary;
  }

  async createDocuments(batch: readonly DocumentRecord[]): Promise<DocumentSummary[]> {
    return (await this.commitBatch({ creates: batch })).created;
  }

  async commitBatch(batch: StoreBatch): Promise<StoreBatchResult> {
    this.assertWritable();
    const ids = [...new Set((batch.updates ?? []).map((update) => update.id))].sort();
    // Every queue the batch writes through is held (always in this order), so nothing interleaves with it.
    return this.createQueue.run(() =>
      this.wsQueue.run(() => this.inDocQueues(ids, async () => this.writeStoreBatch(batch))),
    );
  }

  async applyAnnotations(id: DocId, change: AnnotationChange): Promise<AppliedAnnotations> {
    this.assertWritable();
    return this.queueFor(id).run(async () => {
      this.assertLockHeld();
      let live = await this.load(id);
      // A journal that may end in a torn line is folded into the file first, so nothing follows the tear; one
      // that compaction has failed to fold for long is too, rather than growing past what can be read back.
      const journal = this.docs.journal(id);
      if (!journal.clean || journal.bytes >= this.deps.maxDocumentBytes / 2)
        live = await this.writeDocumentFile(live);
      const applied = live.apply(change, this.deps.workspaceDb.data.labelSchema);
      try {
        await this.docs.append(id, applied.entry);
      } catch (error) {
        applied.revert();
        throw ioError(`save documents/${id}.journal`, this.dir, error);
      }
      const summary = this.setSummary(live.summary());
      this.indexWriter.schedule();
      this.compactions.saved(id, this.docs.journal(id));
      return { summary, revision: live.revision, delta: applied.delta };
    });
  }

  async updateDocument(id: DocId, mutate: (draft: DocumentRecord) => void): Promise<DocumentRecord> {
    this.assertWritable();
    return this.queueFor(id).run(async () => {
      this.assertLockHeld();
      const doc = await documentAfter((await this.load(id)).record, mutate);
      const live = await this.writeDocumentFile(new LiveDocument(doc));
      this.setSummary(live.summary());
      this.indexWriter.schedule();
      return documentCopy(doc);
    });
  }

  /** Folds the document's journal into its file (queued behind its saves); nothing to do without one. */
  compact(id: string): Promise<void> {
    this.compactions.cancel(id);
    return this.queueFor(id).run(async () => {
      if (!this.docs.journal(id).exists || this.deps.readOnly || this.lockLost !== null) return;
      if (this.damaged.has(id)) return;
      await this.writeDocumentFile(await this.load(id));
    });
  }

  async trashDocument(id: DocId, deletedBy: string): Promise<TrashedDocument> {
    this.assertWritable();
    return this.queueFor(id).run(async () => {
      this.assertLockHeld();
      const live = await this.load(id);
      // Fold the journal in first: the trash holds one whole file, and no journal outlives its document.
      if (this.docs.journal(id).exists) await this.writeDocumentFile(live);
      this.compactions.cancel(id);
      const doc = live.record;
      const { io, layout } = this.deps;
      let trashed: TrashedDocument;
      try {
        trashed = await writeTrashEntry(io, layout, doc, {
          at: this.deps.now().toISOString(),
          by: deletedBy,
        });
        await io.unlink(documentPath(layout, id));
        await io.fsyncDir(layout.documentsDir);
      } catch (error) {
        throw ioError(`move documents/${id}.json to the trash`, this.dir, error);
      }
      this.docs.forget(id);
      this.index.delete(id);
      this.snapshot = null;
      this.indexWriter.markChanged();
      this.indexWriter.schedule();
      return trashed;
    });
  }

  async restoreDocument(id: DocId): Promise<DocumentSummary> {
    this.assertWritable();
    const { io, layout, maxDocumentBytes, documentCheck } = this.deps;
    let doc: DocumentRecord | null;
    try {
      doc = await readTrashEntry(io, layout, id, { maxBytes: maxDocumentBytes, check: documentCheck });
    } catch (error) {
      const reason = error instanceof JsonFileError ? error.reason : String((error as Error).message);
      throw new WorkbenchError('invalid-request', `trash/${id}.json cannot be restored: ${reason}`);
    }
    if (doc === null || this.index.has(id))
      throw new WorkbenchError('not-found', `There is no document "${id}" in the trash of ${this.dir}.`);
    const twin = this.findBySha256(doc.sha256);
    if (twin !== undefined) {
      throw new WorkbenchError(
        'conflict',
        `“${doc.title}” cannot come back: the same text is in the workspace again as “${twin.title}”.`,
      );
    }
    const [summary] = await this.createDocuments([doc]);
    // The copy in the trash is now stale; if it cannot be removed, the listing skips it (its id is indexed).
    await io.unlink(trashPath(layout, id)).catch(() => undefined);
    return summary as DocumentSummary;
  }

  trashed(): Promise<TrashedDocument[]> {
    const { io, layout, maxDocumentBytes } = this.deps;
    return listTrash(io, layout, (id) => this.index.has(id), maxDocumentBytes);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.createQueue.idle();
      // A batch still owed is finished now if the disk allows, else by the next open.
      await this.batches.settle().catch(() => undefined);
      this.compactions.drain();
      await Promise.all(this.docs.withJournals().map((id) => this.compact(id).catch(() => undefined)));
      await Promise.all([...this.docQueues.values()].map((queue) => queue.idle()));
      await this.indexWriter.flush();
      await this.wsQueue.idle();
      await this.stampDocuments().catch(() => undefined);
      await this.deps.lock?.release().catch(() => undefined);
    })();
    return this.closing;
  }

  // ---- used while opening (open-documents.ts) ----

  /** The index as stored in workspace.json when the workspace was opened. */
  storedIndex(): readonly DocumentSummary[] {
    return this.deps.workspaceDb.data.documents;
  }

  adoptDocuments(documents: readonly LoadedDocument[]): void {
    for (const loaded of documents) this.docs.adopt(loaded);
  }

  adoptUnread(ids: readonly string[]): void {
    for (const id of ids) this.docs.adoptUnread(id);
  }

  replaceIndex(index: readonly DocumentSummary[], changed: boolean): void {
    this.index.clear();
    for (const summary of index) this.index.set(summary.id, deepFreeze(summary));
    this.snapshot = null;
    if (changed) this.indexWriter.markChanged();
  }

  /** Quarantines a damaged document file (when writable) and reports it; later writes to it are refused. */
  async recordDamage(damage: DamagedDocument): Promise<StoreProblem> {
    const mayWrite = !this.deps.readOnly && this.lockLost === null;
    const problem = await describeDamage({ ...this.deps, mayWrite }, damage);
    this.damaged.set(damage.id, problem);
    this.problemList.push(problem);
    this.docs.drop(damage.id);
    return problem;
  }

  /** Reports a batch manifest that could not be applied (it stays, with its files); copied to quarantine. */
  async recordDamagedManifest(damage: DamagedManifest): Promise<void> {
    const { io, layout, now } = this.deps;
    let quarantinedAs = '';
    let reason = `an interrupted import could not be finished, its files are left as they are: ${damage.reason}`;
    if (!this.deps.readOnly && this.lockLost === null) {
      quarantinedAs = await quarantineFile(io, layout, damage.path, now()).catch((error: unknown) => {
        reason += ` (no copy could be kept in quarantine: ${error instanceof Error ? error.message : String(error)})`;
        return '';
      });
    }
    this.problemList.push({
      file: relativeName(layout, damage.path),
      reason,
      quarantinedAs,
      lastBackup: null,
    });
  }

  markLockLost(reason: string): void {
    this.lockLost = reason;
  }

  /** Writes the index to workspace.json now if it changed (see index-writer.ts). */
  flushIndex(): Promise<void> {
    return this.indexWriter.flush();
  }

  // ---- internals ----

  /**
   * On a clean close, with every journal folded and the index saved: stamps of the files the index stands for,
   * so the next open need not read them (document-stamps.ts). Damaged files and unfolded journals are left out.
   */
  private async stampDocuments(): Promise<void> {
    if (this.deps.readOnly || this.lockLost !== null || this.indexWriter.unsaved()) return;
    const { io, layout, workspaceDb } = this.deps;
    const clean = [...this.index.values()].filter(
      (summary) =>
        !this.damaged.has(summary.id) &&
        !this.docs.journal(summary.id).exists &&
        !this.unsureFiles.has(summary.id),
    );
    await writeStamps(io, layout, workspaceDb.data.labelSchema, clean);
  }

  /** Writes a batch (the queues are held): every file staged, one commit, then memory follows. */
  private async writeStoreBatch(batch: StoreBatch): Promise<StoreBatchResult> {
    this.assertLockHeld();
    await this.batches.settle();
    const { layout } = this.deps;
    const settings = batch.workspace ? settingsAfter(this.workspace(), batch.workspace) : null;
    // New documents are checked against the label schema the batch itself may extend.
    const check = documentCheckStepsFor(() => (settings ?? this.deps.workspaceDb.data).labelSchema);
    const created: DocumentRecord[] = [];
    for (const doc of batch.creates ?? []) created.push(await checkedNewDocument(doc, check));
    const names = await this.assertNewIds(created);
    const updated: DocumentRecord[] = [];
    for (const { id, mutate } of batch.updates ?? [])
      updated.push(await documentAfter((await this.load(id)).record, mutate));
    const docWrites: BatchWrite[] = [];
    for (const doc of [...updated, ...created]) {
      const contents = await documentFileText(doc, this.deps.maxDocumentBytes);
      docWrites.push({ target: documentPath(layout, doc.id), contents });
    }
    let next: WorkspaceFile | null = null;
    if (settings !== null) {
      const index = new Map(this.index);
      for (const doc of [...updated, ...created]) index.set(doc.id, summarizeDocument(doc));
      next = checkedWorkspace({ ...settings, documents: [...index.values()] });
      docWrites.unshift({ target: layout.workspaceFile, contents: JSON.stringify(next) });
    }
    // Journals the new files make stale: an updated document's (folded in), and a reused id's orphan.
    const removals = [
      ...updated.filter((doc) => this.docs.journal(doc.id).exists).map((doc) => journalPath(layout, doc.id)),
      ...created.filter((doc) => names.has(`${doc.id}.journal`)).map((doc) => journalPath(layout, doc.id)),
    ];
    await this.backUpBefore(next !== null, updated);
    const what = describeBatch(updated.length, created, next !== null);
    let summaries: DocumentSummary[] = [];
    // Memory takes all of the batch at once, at the commit (before the files are renamed into place).
    await this.batches.write({ writes: docWrites, removals }, `save ${what}`, () => {
      if (next !== null) this.adoptSettings(next);
      for (const doc of updated) this.adoptNew(doc);
      summaries = created.map((doc) => this.adoptNew(doc));
    });
    this.indexWriter.schedule();
    const copies: DocumentRecord[] = [];
    for (const doc of updated) copies.push(await documentCopy(doc));
    return { updated: copies, created: summaries, workspace: this.workspace() };
  }

  private async backUpBefore(workspace: boolean, updated: readonly DocumentRecord[]): Promise<void> {
    const { backups, layout } = this.deps;
    try {
      if (workspace) await backups.backupIfDue(workspaceBackupTarget(layout));
      for (const doc of updated) await backups.backupIfDue(documentBackupTarget(layout, doc.id));
    } catch (error) {
      throw ioError('back up the files the batch replaces', this.dir, error);
    }
  }

  /**
   * Refuses with conflict when an id is used twice in the batch or exists already, damaged or not; returns
   * the names in documents/ (to find orphan journals of reused ids).
   */
  private async assertNewIds(docs: readonly DocumentRecord[]): Promise<Set<string>> {
    if (docs.length === 0) return new Set();
    const names = await this.deps.io.readdir(this.deps.layout.documentsDir).then(
      (list) => new Set(list),
      (error: unknown) => {
        if (errnoCode(error) === 'ENOENT') return new Set<string>();
        throw ioError('list the documents folder', this.dir, error);
      },
    );
    const seen = new Set<string>();
    for (const { id } of docs) {
      if (names.has(`${id}.json`) || seen.has(id) || this.docs.has(id) || this.damaged.has(id)) {
        throw new WorkbenchError('conflict', `A document with id "${id}" already exists in ${this.dir}.`, {
          file: `documents/${id}.json`,
        });
      }
      seen.add(id);
    }
    return names;
  }

  private inDocQueues<T>(ids: readonly string[], task: () => Promise<T>): Promise<T> {
    const [first, ...rest] = ids;
    return first === undefined ? task() : this.queueFor(first).run(() => this.inDocQueues(rest, task));
  }

  private adoptSettings(next: WorkspaceFile): void {
    this.deps.workspaceDb.data = next;
    this.snapshot = null;
    this.settings = null;
  }

  private adoptNew(doc: DocumentRecord): DocumentSummary {
    this.docs.adoptNew(doc);
    return this.setSummary(summarizeDocument(doc));
  }

  /** The whole file written from `live` (after a backup when due), the journal dropped: see DocumentCache. */
  private async writeDocumentFile(live: LiveDocument): Promise<LiveDocument> {
    const id = live.record.id;
    try {
      await this.deps.backups.backupIfDue(documentBackupTarget(this.deps.layout, id));
      // Until this write is whole, the file may hold it or not (a failed fsync after the rename): never stamp it.
      this.unsureFiles.add(id);
      await this.docs.writeFile(live);
      this.unsureFiles.delete(id);
    } catch (error) {
      if (error instanceof WorkbenchError) throw error;
      throw ioError(`save documents/${id}.json`, this.dir, error);
    }
    return live;
  }

  private async saveWorkspaceFile(next: WorkspaceFile, action: string): Promise<void> {
    try {
      await this.batches.settle();
      await this.deps.backups.backupIfDue(workspaceBackupTarget(this.deps.layout));
      await this.deps.workspaceDb.adapter.write(next);
    } catch (error) {
      throw ioError(action, this.dir, error);
    }
    this.adoptSettings(next);
  }

  private async load(id: string): Promise<LiveDocument> {
    // A committed batch not yet in place would be read from the files it replaces.
    await this.batches.settle();
    const problem = this.damaged.get(id);
    if (problem) throw documentDamagedError(this.dir, problem);
    if (!this.docs.has(id))
      throw new WorkbenchError('not-found', `There is no document "${id}" in ${this.dir}.`);
    let doc: LiveDocument | null;
    try {
      doc = await this.docs.get(id);
    } catch (error) {
      // A transient read failure is not damage; a file that reads but does not parse or validate is.
      if (error instanceof JsonFileError && error.kind === 'unreadable') {
        throw ioError(`read documents/${id}.json`, this.dir, error.cause);
      }
      const damage = describeLoadFailure(id, documentPath(this.deps.layout, id), error);
      throw documentDamagedError(this.dir, await this.recordDamage(damage));
    }
    if (!doc)
      throw new WorkbenchError('not-found', `The file documents/${id}.json is missing from ${this.dir}.`);
    return doc;
  }

  private setSummary(fresh: DocumentSummary): DocumentSummary {
    const summary = deepFreeze(fresh);
    this.index.set(summary.id, summary);
    this.indexWriter.markChanged();
    this.snapshot = null;
    return summary;
  }

  private queueFor(id: string): SerialQueue {
    let queue = this.docQueues.get(id);
    if (!queue) {
      queue = new SerialQueue();
      this.docQueues.set(id, queue);
    }
    return queue;
  }

  private assertWritable(): void {
    if (this.closing) throw this.closedError();
    if (this.deps.readOnly) {
      throw new WorkbenchError(
        'conflict',
        `The workspace ${this.dir} is open read-only; nothing can be saved.`,
      );
    }
    this.assertLockHeld();
  }

  private assertLockHeld(): void {
    if (this.lockLost !== null) {
      throw new WorkbenchError(
        'workspace-locked',
        `The lock on the workspace ${this.dir} was lost (${this.lockLost}), so it is now read-only to avoid ` +
          'overwriting changes made elsewhere. Reopen the workspace.',
      );
    }
  }

  private closedError(): WorkbenchError {
    return new WorkbenchError('conflict', `The workspace ${this.dir} has been closed.`);
  }
}
