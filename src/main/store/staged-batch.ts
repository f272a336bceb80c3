// Writes a batch of files anywhere in the workspace all or nothing, with one atomic commit (src/main, Node only).
// Every new file goes to a staged name next to its target and is fsynced; a manifest naming them is written as
// `.batch-<hex>.prepared` and then renamed to `.batch-<hex>.committed`: that rename is the commit. Only then are
// the staged files renamed over their targets and the listed removals made; the manifest goes last. What a
// killed or failing writer leaves is settled on open by batch-recovery.ts: rolled forward once committed, else back.
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errnoCode, type FileIO } from './file-io';
import type { WorkspaceLayout } from './layout';

export interface BatchWrite {
  /** Absolute path of the file the batch replaces or creates, in the workspace folder or documents/. */
  target: string;
  contents: string;
}

export interface BatchPlan {
  writes: readonly BatchWrite[];
  /** Absolute paths removed once the batch is committed (a missing file is fine). */
  removals: readonly string[];
}

/** A manifest entry: paths relative to the workspace folder, with forward slashes. */
export interface ManifestWrite {
  target: string;
  staged: string;
  sha256: string;
}

export interface BatchManifest {
  writes: ManifestWrite[];
  removals: string[];
}

/** A batch whose files are staged; `manifest` is its path without the `.prepared`/`.committed` ending. */
export interface StagedBatch {
  readonly root: string;
  readonly manifest: string;
  readonly contents: BatchManifest;
}

export const PREPARED = '.prepared';
export const COMMITTED = '.committed';
/** Manifests in the workspace folder; the document scan and the temp-file sweep never take them for theirs. */
export const STAGED_MANIFEST_PATTERN = /^\.batch-[0-9a-f]{12}\.(prepared|committed)$/;
/** A staged file: `.<target name>.<hex>.staged`, next to its target. */
export const STAGED_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.staged$/;

export const sha256Of = (bytes: string | Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

const relativeTo = (root: string, path: string): string => {
  const rel = path
    .slice(root.length + 1)
    .split('\\')
    .join('/');
  if (!path.startsWith(root) || rel.includes('..')) throw new Error(`${path} is not in ${root}`);
  return rel;
};

/** How many staged files are written at once: fsyncs overlap, but a failure stops the batch quickly. */
const PARALLEL_WRITES = 8;

/**
 * Writes every file of `plan` under its staged name and the prepared manifest, all fsynced. Nothing is
 * committed yet: on failure what was written is removed (best effort; an open removes the rest) and the error
 * is thrown, with no write still running.
 */
export async function stageBatch(io: FileIO, layout: WorkspaceLayout, plan: BatchPlan): Promise<StagedBatch> {
  const root = layout.dir;
  const tag = randomBytes(6).toString('hex');
  const writes = plan.writes.map((write) => ({
    ...write,
    staged: join(dirname(write.target), `.${basename(write.target)}.${tag}.staged`),
  }));
  const batch: StagedBatch = {
    root,
    manifest: join(root, `.batch-${tag}`),
    contents: {
      writes: writes.map((w) => ({
        target: relativeTo(root, w.target),
        staged: relativeTo(root, w.staged),
        sha256: sha256Of(w.contents),
      })),
      removals: plan.removals.map((path) => relativeTo(root, path)),
    },
  };
  try {
    await forEachBounded(writes.length, PARALLEL_WRITES, async (i) => {
      const write = writes[i] as (typeof writes)[number];
      await io.writeFileSynced(write.staged, write.contents);
    });
    for (const folder of foldersOf(batch)) await io.fsyncDir(folder);
    await io.writeFileSynced(batch.manifest + PREPARED, JSON.stringify(batch.contents));
    await io.fsyncDir(root);
  } catch (error) {
    await rollBackBatch(io, batch).catch(() => undefined);
    throw error;
  }
  return batch;
}

/** The commit: one rename of the manifest, made durable. After it, an open rolls the batch forward. */
export async function commitBatch(io: FileIO, batch: StagedBatch): Promise<void> {
  await io.rename(batch.manifest + PREPARED, batch.manifest + COMMITTED);
  await io.fsyncDir(batch.root);
}

/**
 * Puts a committed batch in place: each staged file renamed over its target (a staged file already gone must
 * have been renamed by an earlier attempt), the removals made, every folder fsynced, then the manifest removed.
 * Safe to repeat after any failure.
 */
export async function applyBatch(io: FileIO, batch: StagedBatch): Promise<void> {
  const at = (rel: string) => join(batch.root, rel);
  for (const write of batch.contents.writes) {
    await io.rename(at(write.staged), at(write.target)).catch(async (error: unknown) => {
      if (errnoCode(error) !== 'ENOENT' || sha256Of(await io.readFile(at(write.target))) !== write.sha256)
        throw error;
    });
  }
  for (const removal of batch.contents.removals) await io.unlink(at(removal)).catch(ignoreMissing);
  for (const folder of foldersOf(batch)) await io.fsyncDir(folder);
  await io.unlink(batch.manifest + COMMITTED).catch(ignoreMissing);
  await io.fsyncDir(batch.root);
}

/**
 * Undoes a batch that was not committed (or whose commit failed): the manifest goes first, durably, under
 * either name, and then the staged files. Throws only when the manifest may still be there; staged files
 * that cannot be removed are harmless without it and an open sweeps them.
 */
export async function rollBackBatch(io: FileIO, batch: StagedBatch): Promise<void> {
  await io.unlink(batch.manifest + COMMITTED).catch(ignoreMissing);
  await io.unlink(batch.manifest + PREPARED).catch(ignoreMissing);
  await io.fsyncDir(batch.root);
  for (const write of batch.contents.writes)
    await io.unlink(join(batch.root, write.staged)).catch(() => undefined);
}

function ignoreMissing(error: unknown): void {
  if (errnoCode(error) !== 'ENOENT') throw error;
}

/** The folders the batch writes or removes in (the manifest's own folder is fsynced on its own). */
function foldersOf(batch: StagedBatch): string[] {
  const paths = [...batch.contents.writes.map((w) => w.target), ...batch.contents.removals];
  return [...new Set(paths.map((rel) => dirname(join(batch.root, rel))))];
}

/**
 * Runs `task(0 … count-1)` with at most `limit` at once. After the first failure no new task starts, and the
 * returned promise settles only when every started task has settled, so nothing runs on behind the caller.
 */
export async function forEachBounded(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
