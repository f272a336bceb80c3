// The document half of opening a workspace (src/main): undo a batch of new documents an earlier version left
// unfinished (batches of this one are settled before, by batch-recovery.ts), read every document file once and
// replay its journal (except those whose file is as it was stamped at the last clean close: their index entry
// stands for them until they are used), quarantine the damaged ones, migrate old
// ones, remove temp files of a crashed writer, and rebuild the derived index when it disagrees with the files
// (a crash between a document write and the index write leaves exactly that). Journals stay as they are until
// compaction, which needs no more than what was replayed here.
import { join } from 'node:path';
import { unfinishedBatchFiles } from './batch-manifest';
import { documentBackupTarget } from './backups';
import { TEMP_FILE_PATTERN } from './durable-json-file';
import { NO_JOURNAL, documentAdapter, scanDocuments, type TrustFile } from './document-files';
import { currentStamp, readStamps } from './document-stamps';
import { journalPath } from './layout';
import { ioError } from './io-errors';
import { rebuildIndex } from './index-rebuild';
import type { StoreState } from './store-state';
import { summarizeDocument, type DocumentSummary } from '@shared/model';

export async function openDocuments(state: StoreState): Promise<void> {
  const { io, layout, readOnly, backups, maxDocumentBytes, documentCheck } = state.deps;
  const files = { io, layout, maxBytes: maxDocumentBytes, check: documentCheck };
  let unfinished;
  try {
    // Read-only, the batch is only hidden; the lock holder removes it (see batch-manifest.ts).
    unfinished = await unfinishedBatchFiles(io, layout.documentsDir, !readOnly);
  } catch (error) {
    throw ioError('undo an unfinished batch of new documents', layout.dir, error);
  }
  const stored = new Map<string, DocumentSummary>(state.storedIndex().map((entry) => [entry.id, entry]));
  const stamps = await readStamps(io, layout, state.deps.workspaceDb.data.labelSchema);
  // A document whose file is as it was at the last clean close keeps its index entry and is read when used.
  const trust: TrustFile = async (id) => {
    const entry = stored.get(id);
    const stamp = stamps.get(id);
    return entry !== undefined && stamp !== undefined && stamp === (await currentStamp(io, layout, entry));
  };
  let scan;
  try {
    scan = await scanDocuments(files, unfinished, trust);
  } catch (error) {
    throw ioError('list the documents folder', layout.dir, error);
  }
  if (!readOnly) {
    await io.mkdirp(layout.documentsDir).catch((error: unknown) => {
      throw ioError('create the documents folder', layout.dir, error);
    });
    // Only the lock holder may remove temp files: they belong to a writer that died before its rename.
    const rootTemps = (await io.readdir(layout.dir).catch(() => [])).filter((name) =>
      TEMP_FILE_PATTERN.test(name),
    );
    for (const temp of [...scan.tempFiles, ...rootTemps.map((name) => join(layout.dir, name))]) {
      await io.unlink(temp).catch(() => undefined);
    }
  }
  for (const damage of scan.damaged) await state.recordDamage(damage);
  if (!readOnly) {
    for (const loaded of scan.loaded.filter((loaded) => loaded.migrated)) {
      const { id, doc } = loaded;
      try {
        await backups.backupNow(documentBackupTarget(layout, id));
        await documentAdapter(files, id).write(doc);
        // The rewritten file holds what the journal added; the journal's entries are now all older than it.
        if (loaded.journal.exists) {
          await io.unlink(journalPath(layout, id));
          loaded.journal = NO_JOURNAL;
        }
      } catch (error) {
        throw ioError(`save the migrated documents/${id}.json`, layout.dir, error);
      }
    }
  }
  state.adoptDocuments(scan.loaded);
  state.adoptUnread(scan.trusted);
  const summaries = [
    ...scan.loaded.map((loaded) => summarizeDocument(loaded.doc)),
    ...scan.trusted.map((id) => stored.get(id) as DocumentSummary),
  ];
  const damagedIds = new Set(scan.damaged.map((damage) => damage.id));
  const rebuilt = rebuildIndex(state.storedIndex(), summaries, damagedIds);
  state.replaceIndex(rebuilt.index, rebuilt.changed);
  if (rebuilt.changed) await state.flushIndex();
}
