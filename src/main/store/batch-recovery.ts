// Settles, when a workspace is opened, the staged batches (staged-batch.ts) a killed or failing writer left
// (src/main, Node only): a committed manifest is rolled forward, a prepared one rolled back, and staged files
// no manifest names are removed. Read-only, nothing is written: the committed batches are overlaid on reads,
// so a read-only open sees exactly what a writable one makes of the folder. A committed manifest that cannot
// be trusted (damaged, or naming files that are gone or changed) is left alone with its files and reported.
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { JsonFileError, readJsonFile } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';
import type { WorkspaceLayout } from './layout';
import {
  COMMITTED,
  PREPARED,
  STAGED_FILE_PATTERN,
  STAGED_MANIFEST_PATTERN,
  applyBatch,
  rollBackBatch,
  sha256Of,
  type StagedBatch,
} from './staged-batch';

/** A committed manifest that was not applied, and why. */
export interface DamagedManifest {
  path: string;
  reason: string;
}

export interface BatchRecovery {
  damaged: DamagedManifest[];
  /** The FileIO to open the workspace with: `io` itself, or read-only an overlay of the committed batches. */
  io: FileIO;
}

/** A file name in the workspace folder or in documents/, never a path that leaves them. */
const workspacePath = z.string().regex(/^(documents\/)?(?!\.\.?$)[^/\\]+$/);

const manifestSchema = z
  .object({
    writes: z.array(
      z
        .object({ target: workspacePath, staged: workspacePath, sha256: z.string().regex(/^[0-9a-f]{64}$/) })
        .strict()
        .refine(
          (w) => dirname(w.staged) === dirname(w.target) && STAGED_FILE_PATTERN.test(basename(w.staged)),
          {
            message: 'a staged file must be a staged name next to its target',
          },
        ),
    ),
    removals: z.array(workspacePath),
  })
  .strict();

/** Generous: an entry is ~200 bytes, and a batch of half a million files is not an import. */
const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;

export async function recoverBatches(
  io: FileIO,
  layout: WorkspaceLayout,
  readOnly: boolean,
): Promise<BatchRecovery> {
  const names = await listFolder(io, layout.dir);
  const damaged: DamagedManifest[] = [];
  const redirects = new Map<string, string>();
  const removed = new Set<string>();
  for (const name of names.filter((n) => STAGED_MANIFEST_PATTERN.test(n))) {
    const manifest = join(layout.dir, name);
    const stem = manifest.slice(0, manifest.lastIndexOf('.'));
    if (name.endsWith(PREPARED)) {
      // Never committed: whatever it holds (a kill may have cut it short) is rolled back.
      if (!readOnly) await rollBackPrepared(io, layout, stem);
      continue;
    }
    const batch = await readCommitted(io, layout, stem).catch((error: unknown) => {
      // A disk that fails is not damage: the open fails and the batch is settled by the next one.
      if (errnoCode(error) !== undefined || (error instanceof JsonFileError && error.kind === 'unreadable'))
        throw error;
      damaged.push({ path: manifest, reason: error instanceof Error ? error.message : String(error) });
      return null;
    });
    if (batch === null) continue;
    if (!readOnly) await applyBatch(io, batch);
    else overlay(batch, redirects, removed);
  }
  // Staged files of a damaged manifest may be all that is left of its batch: they are kept with it.
  if (!readOnly && damaged.length === 0) await sweepStagedFiles(io, layout);
  return { damaged, io: readOnly ? overlayIO(io, redirects, removed) : io };
}

async function listFolder(io: FileIO, folder: string): Promise<string[]> {
  return io.readdir(folder).catch((error: unknown): string[] => {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  });
}

async function rollBackPrepared(io: FileIO, layout: WorkspaceLayout, stem: string): Promise<void> {
  const raw = await readJsonFile(io, stem + PREPARED, MAX_MANIFEST_BYTES).catch(() => null);
  const parsed = manifestSchema.safeParse(raw);
  const contents = parsed.success ? parsed.data : { writes: [], removals: [] };
  // Unparsed, its staged files are not known here; the sweep that follows removes them.
  await rollBackBatch(io, { root: layout.dir, manifest: stem, contents });
}

/** A committed manifest whose every staged file is there unchanged, or already renamed into place. */
async function readCommitted(io: FileIO, layout: WorkspaceLayout, stem: string): Promise<StagedBatch> {
  const raw = await readJsonFile(io, stem + COMMITTED, MAX_MANIFEST_BYTES);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new Error(`not a batch manifest (${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'})`);
  }
  for (const write of parsed.data.writes) {
    const staged = await hashOf(io, join(layout.dir, write.staged));
    if (staged === write.sha256) continue;
    if (staged === null && (await hashOf(io, join(layout.dir, write.target))) === write.sha256) continue;
    throw new Error(
      `the batch names ${write.staged} for ${write.target}, but that file is ${staged === null ? 'missing' : 'changed'}`,
    );
  }
  return { root: layout.dir, manifest: stem, contents: parsed.data };
}

async function hashOf(io: FileIO, path: string): Promise<string | null> {
  try {
    return sha256Of(await io.readFile(path));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

async function sweepStagedFiles(io: FileIO, layout: WorkspaceLayout): Promise<void> {
  for (const folder of [layout.dir, layout.documentsDir]) {
    for (const name of (await listFolder(io, folder)).filter((n) => STAGED_FILE_PATTERN.test(n)))
      await io.unlink(join(folder, name)).catch(() => undefined);
  }
}

function overlay(batch: StagedBatch, redirects: Map<string, string>, removed: Set<string>): void {
  for (const write of batch.contents.writes)
    redirects.set(join(batch.root, write.target), join(batch.root, write.staged));
  for (const removal of batch.contents.removals) removed.add(join(batch.root, removal));
}

const missing = (path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT', path });

/**
 * Reads through committed batches: a target reads as its staged file while that is there (it may have been
 * renamed already), a removal as missing. Only reads are redirected: a read-only store writes nothing.
 */
function overlayIO(io: FileIO, redirects: Map<string, string>, removed: Set<string>): FileIO {
  if (redirects.size === 0 && removed.size === 0) return io;
  const through = async <T>(path: string, read: (p: string) => Promise<T>): Promise<T> => {
    if (removed.has(path)) throw missing(path);
    const staged = redirects.get(path);
    if (staged !== undefined && (await io.exists(staged))) return read(staged);
    return read(path);
  };
  return {
    ...io,
    readFile: (path) => through(path, (p) => io.readFile(p)),
    stat: (path) => through(path, (p) => io.stat(p)),
    exists: (path) => (removed.has(path) ? Promise.resolve(false) : through(path, (p) => io.exists(p))),
    async readdir(dir) {
      const names = new Set(await io.readdir(dir));
      for (const target of redirects.keys()) if (dirname(target) === dir) names.add(basename(target));
      for (const path of removed) if (dirname(path) === dir) names.delete(basename(path));
      return [...names];
    },
  };
}
