// The workspace store: one lowdb per document plus workspace.json, behind a single-writer lock (src/main).
// Document files are the truth and the index in workspace.json is derived from them; every write goes to a
// clone, is made durable, and only then replaces the in-memory copy, so memory always equals disk.
import { resolve } from 'node:path';
import { Low } from 'lowdb';
import type { StoreProblem, TrashedDocument } from '@shared/api/contract';
import { WorkbenchError } from '@shared/api/result';
import type {
  DocId,
  DocumentRecord,
  DocumentSummary,
  LabelSchema,
  LayerDelta,
  WorkspaceFile,
} from '@shared/model';
import { Backups } from './backups';
import { DEFAULT_COMPACTION, type CompactionPolicy } from './compaction-scheduler';
import { nodeFileIO, type FileIO } from './file-io';
import { ioError } from './io-errors';
import { layoutOf } from './layout';
import type { AnnotationChange } from './live-document';
import { recoverBatches, type BatchRecovery } from './batch-recovery';
import { openDocuments } from './open-documents';
import { StoreState } from './store-state';
import { DEFAULT_LIMITS, documentCheckFor } from './validation';
import {
  DEFAULT_STALE_LOCK_MS,
  acquireWorkspaceLock,
  type LockOwnerKind,
  type WorkspaceLock,
} from './workspace-lock';
import {
  createWorkspaceFile,
  loadWorkspaceFile,
  workspaceAdapter,
  type WorkspaceFileContext,
} from './workspace-file';

/** What an annotation batch saved: the document's new index entry and revision, and the net change. */
export interface AppliedAnnotations {
  summary: DocumentSummary;
  revision: number;
  delta: LayerDelta;
}

/**
 * Changes written all or nothing (an import): settings, existing documents and new ones. Checked like the
 * single changes (`updateWorkspace`, `updateDocument`, `createDocuments`); new documents against the settings
 * the batch makes.
 */
export interface StoreBatch {
  workspace?: (draft: WorkspaceFile) => void;
  updates?: readonly { id: DocId; mutate: (draft: DocumentRecord) => void }[];
  creates?: readonly DocumentRecord[];
}

export interface StoreBatchResult {
  /** The updated documents as saved, in the order given. */
  updated: DocumentRecord[];
  created: DocumentSummary[];
  workspace: WorkspaceFile;
}

export interface WorkspaceStore {
  readonly dir: string;
  /** Files that failed to load (on open, or later when a document was read again). */
  readonly problems: readonly StoreProblem[];
  /** A deep-frozen snapshot (cheap: the index entries are shared, not copied); never a live mutable reference. */
  workspace(): WorkspaceFile;
  /** Changes settings (label schema, annotators…); the derived `documents` index cannot be changed here. */
  updateWorkspace(mutate: (draft: WorkspaceFile) => void): Promise<WorkspaceFile>;
  /** The index, in the order documents were imported (frozen). */
  documents(): DocumentSummary[];
  findBySha256(sha: string): DocumentSummary | undefined;
  readDocument(id: DocId): Promise<DocumentRecord>;
  /**
   * The document as it is now, deep-frozen and shared with the store instead of cloned: for readers that only
   * serialize or copy out of it (document:get, exports). Later saves do not change it.
   */
  documentSnapshot(id: DocId): Promise<Readonly<DocumentRecord>>;
  /** Refuses with 'conflict' if the document's file already exists, damaged or not. */
  createDocument(doc: DocumentRecord): Promise<DocumentSummary>;
  /**
   * Creates all of `docs` or none (one io-error when a write fails; nothing stays on disk). The index lists
   * them in the order given, and only once every file is on disk.
   */
  createDocuments(docs: readonly DocumentRecord[]): Promise<DocumentSummary[]>;
  /**
   * Writes the whole batch or none of it, also when the process is killed or the disk fails at any moment
   * (the next open finishes or undoes it); io-error when it was not written.
   */
  commitBatch(batch: StoreBatch): Promise<StoreBatchResult>;
  /** Applies `mutate` to a copy, bumps `revision`, saves durably and returns the saved document. */
  updateDocument(id: DocId, mutate: (draft: DocumentRecord) => void): Promise<DocumentRecord>;
  /**
   * Applies a batch of annotation ops to one layer, all or nothing, checking only what it touches, and saves
   * it as one fsynced journal append (the document file is rewritten later, by compaction). Bumps `revision`.
   */
  applyAnnotations(id: DocId, change: AnnotationChange): Promise<AppliedAnnotations>;
  /** Folds the document's journal into its file now (it also happens on idle, on size and on close). */
  compact(id: DocId): Promise<void>;
  /** Moves a document to trash/ (durably written there before it leaves documents/) and out of the index. */
  trashDocument(id: DocId, deletedBy: string): Promise<TrashedDocument>;
  /** Brings a trashed document back, checked like a new one; refuses a text that is in the workspace again. */
  restoreDocument(id: DocId): Promise<DocumentSummary>;
  trashed(): Promise<TrashedDocument[]>;
  close(): Promise<void>;
}

export interface OpenWorkspaceOptions {
  io?: FileIO;
  /** No lock and no writes at all: for inspecting a workspace (e.g. after a forced kill). */
  readOnly?: boolean;
  owner: LockOwnerKind;
  /** Creates the workspace when workspace.json is absent; without it an absent file is 'not-found'. */
  createWith?: { labelSchema: LabelSchema; now?: () => Date };
  /** The clock for backups and quarantine names (defaults to createWith.now, then the real clock). */
  now?: () => Date;
  /** A file is backed up before being overwritten when its newest backup is older than this (default 10). */
  backupIntervalMinutes?: number;
  backupsToKeep?: number;
  /** How long the lock of a killed process blocks the workspace (default 10 s, at least 2 s). */
  staleLockMs?: number;
  maxDocumentBytes?: number;
  maxWorkspaceBytes?: number;
  /** Documents kept parsed in memory; others are read again from their file when needed (default 64). */
  maxCachedDocuments?: number;
  /** When journals are folded into document files (default: 2 s idle, 1,000 entries or 8 MiB). */
  compaction?: Partial<CompactionPolicy>;
}

export async function openWorkspace(dir: string, options: OpenWorkspaceOptions): Promise<WorkspaceStore> {
  const root = resolve(dir);
  const layout = layoutOf(root);
  const io = options.io ?? nodeFileIO;
  const readOnly = options.readOnly ?? false;
  const now = options.now ?? options.createWith?.now ?? (() => new Date());
  const exists = await io.exists(layout.workspaceFile).catch((error: unknown) => {
    throw ioError('look for workspace.json', root, error);
  });
  if (!exists && (!options.createWith || readOnly)) {
    throw new WorkbenchError(
      'not-found',
      `There is no Tagwright workspace in ${root} (workspace.json is missing).`,
    );
  }
  // The lock can be lost at any time after it is taken, even before the store exists to hear about it.
  let lockLost: string | null = null;
  let state: StoreState | null = null;
  let lock: WorkspaceLock | null = null;
  if (!readOnly) {
    await io.mkdirp(root).catch((error: unknown) => {
      throw ioError('create the workspace folder', root, error);
    });
    lock = await acquireWorkspaceLock(root, {
      io,
      kind: options.owner,
      staleMs: options.staleLockMs ?? DEFAULT_STALE_LOCK_MS,
      now,
      onCompromised: (error) => {
        lockLost = error.message;
        state?.markLockLost(error.message);
      },
    });
  }
  try {
    // Before anything is read: a batch a killed writer left is finished or undone (read-only: overlaid).
    let recovery: BatchRecovery;
    try {
      recovery = await recoverBatches(io, layout, readOnly);
    } catch (error) {
      throw ioError('finish or undo an interrupted batch (an import)', root, error);
    }
    const backups = new Backups({
      io,
      now,
      intervalMs: (options.backupIntervalMinutes ?? 10) * 60_000,
      keep: options.backupsToKeep ?? 5,
    });
    const ctx: WorkspaceFileContext = {
      io: recovery.io,
      layout,
      readOnly,
      maxBytes: options.maxWorkspaceBytes ?? DEFAULT_LIMITS.workspaceBytes,
      backups,
      now,
    };
    // Check again under the lock: another process may have created the workspace meanwhile.
    const ws =
      options.createWith && !readOnly && !(await io.exists(layout.workspaceFile))
        ? await createWorkspaceFile(ctx, options.createWith.labelSchema, now())
        : await loadWorkspaceFile(ctx);
    const workspaceDb = new Low<WorkspaceFile>(workspaceAdapter(recovery.io, layout, ctx.maxBytes), ws);
    state = new StoreState({
      io: recovery.io,
      layout,
      readOnly,
      backups,
      now,
      maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_LIMITS.documentBytes,
      maxCachedDocuments: options.maxCachedDocuments ?? 64,
      compaction: { ...DEFAULT_COMPACTION, ...options.compaction },
      workspaceDb,
      lock,
      // A document is checked against the label schema in workspace.json, as it is when it is read.
      documentCheck: documentCheckFor(() => workspaceDb.data.labelSchema),
    });
    if (lockLost !== null) state.markLockLost(lockLost);
    for (const damage of recovery.damaged) await state.recordDamagedManifest(damage);
    await openDocuments(state);
    return state;
  } catch (error) {
    await lock?.release().catch(() => undefined);
    throw error;
  }
}
