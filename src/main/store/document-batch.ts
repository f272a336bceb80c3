// Writes a batch of new files all or nothing (src/main): every file goes to a unique temp name and is fsynced,
// then all are renamed into place and the folder is fsynced. If any step fails, what was renamed or written
// is removed again before the error is reported, and no write is still running when the caller hears of it.
import { dirname } from 'node:path';
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
  const temps = files.map((file) => tempPathFor(file.path));
  const renamed: string[] = [];
  try {
    await forEachBounded(files.length, PARALLEL_WRITES, (i) =>
      io.writeFileSynced(temps[i] as string, (files[i] as BatchFile).contents),
    );
    for (const [i, file] of files.entries()) {
      await io.rename(temps[i] as string, file.path);
      renamed.push(file.path);
    }
    const folders = new Set(files.map((file) => dirname(file.path)));
    for (const folder of folders) await io.fsyncDir(folder);
  } catch (error) {
    throw new BatchWriteError(error, await rollBack(io, temps, renamed));
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
