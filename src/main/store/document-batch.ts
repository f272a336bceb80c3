// Writes a batch of new files all or nothing (src/main): every file goes to a unique temp name and is fsynced,
// a manifest of the batch is written (batch-manifest.ts), all are renamed into place, the folder is fsynced
// and the manifest removed. If any step fails, what was renamed or written is removed again before the error
// is reported, and no write is still running when the caller hears of it; if the process is killed, the
// manifest makes the next open remove the batch.
import { dirname } from 'node:path';
import { manifestPathIn, writeManifest } from './batch-manifest';
import { tempPathFor } from './durable-json-file';
import type { FileIO } from './file-io';

export interface BatchFile {
  path: string;
  contents: string;
}

/** A batch that failed; `kept` lists targets that could not be removed again (they hold complete files). */
export class BatchWriteError extends Error {
  constructor(
    cause: unknown,
    readonly kept: readonly string[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'BatchWriteError';
  }
}

/** How many temp files are written at once: fsyncs overlap, but a failure stops the batch quickly. */
const PARALLEL_WRITES = 8;

/** Writes every file of `files` (all in one folder, none existing yet), or none of them. */
export async function writeBatch(io: FileIO, files: readonly BatchFile[]): Promise<void> {
  const [first] = files;
  if (first === undefined) return;
  const folder = dirname(first.path);
  if (files.some((file) => dirname(file.path) !== folder))
    throw new Error('A batch is written to one folder.');
  const temps = files.map((file) => tempPathFor(file.path));
  const manifest = manifestPathIn(folder);
  const renamed: string[] = [];
  try {
    await forEachBounded(files.length, PARALLEL_WRITES, (i) =>
      io.writeFileSynced(temps[i] as string, (files[i] as BatchFile).contents),
    );
    await writeManifest(io, manifest, files);
    for (const [i, file] of files.entries()) {
      await io.rename(temps[i] as string, file.path);
      renamed.push(file.path);
    }
    await io.fsyncDir(folder);
    // Only now is the batch done: until the manifest is gone, a kill means the next open removes the batch.
    await io.unlink(manifest);
    await io.fsyncDir(folder);
  } catch (error) {
    const kept = await rollBack(io, temps, renamed);
    // Kept files are adopted by the caller, so the manifest must not remove them at the next open either.
    await io.unlink(manifest).catch(() => undefined);
    await io.fsyncDir(folder).catch(() => undefined);
    throw new BatchWriteError(error, kept);
  }
}

/** Removes the batch's files again; returns the renamed targets that could not be removed. */
async function rollBack(io: FileIO, temps: readonly string[], renamed: readonly string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const target of renamed) await io.unlink(target).catch(() => kept.push(target));
  // Temps that were renamed are gone already; others may be partly written or never created.
  for (const temp of temps.slice(renamed.length)) await io.unlink(temp).catch(() => undefined);
  for (const folder of new Set(renamed.map((target) => dirname(target))))
    await io.fsyncDir(folder).catch(() => undefined);
  return kept;
}

/**
 * Runs `task(0 … count-1)` with at most `limit` at once. After the first failure no new task starts, and the
 * returned promise settles only when every started task has settled, so nothing runs on behind the caller.
 */
async function forEachBounded(
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
