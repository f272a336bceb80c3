// Single writer per workspace: a proper-lockfile lock on `<dir>/.lock` plus `.lock-owner.json` saying who holds
// it, so a refusal can name the other window or command (src/main). A lock whose holder was killed goes stale
// after `staleMs` (its mtime stops being refreshed) and is then taken over.
import { hostname } from 'node:os';
import { lock } from 'proper-lockfile';
import { z } from 'zod';
import { WorkbenchError } from '@shared/api/result';
import { readJsonFile, writeFileAtomically } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';
import { ioError } from './io-errors';
import { layoutOf } from './layout';

export const lockOwnerKinds = ['electron', 'serve', 'cli', 'test'] as const;
export type LockOwnerKind = (typeof lockOwnerKinds)[number];

const lockOwnerSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  kind: z.enum(lockOwnerKinds),
  since: z.string(),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

export const DEFAULT_STALE_LOCK_MS = 10_000;

export interface LockOptions {
  io: FileIO;
  kind: LockOwnerKind;
  /** How long an unrefreshed lock stays valid; proper-lockfile enforces at least 2000 ms. */
  staleMs?: number;
  now?: () => Date;
  /** Called when the lock was lost (e.g. its folder was removed, or the process stalled past `staleMs`). */
  onCompromised: (error: Error) => void;
}

export interface WorkspaceLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

export async function acquireWorkspaceLock(dir: string, options: LockOptions): Promise<WorkspaceLock> {
  const layout = layoutOf(dir);
  let releaseLock: () => Promise<void>;
  try {
    releaseLock = await lock(dir, {
      lockfilePath: layout.lockPath,
      realpath: false,
      stale: options.staleMs ?? DEFAULT_STALE_LOCK_MS,
      retries: 0,
      onCompromised: options.onCompromised,
    });
  } catch (error) {
    if (errnoCode(error) === 'ELOCKED') throw await lockedError(options.io, dir, layout.ownerFile);
    throw ioError('lock the workspace', dir, error);
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    kind: options.kind,
    since: (options.now ?? (() => new Date()))().toISOString(),
  };
  try {
    await writeFileAtomically(options.io, layout.ownerFile, JSON.stringify(owner));
  } catch (error) {
    await releaseLock().catch(() => undefined);
    throw ioError('record the lock owner', dir, error);
  }
  let released = false;
  return {
    owner,
    async release() {
      if (released) return;
      released = true;
      await options.io.unlink(layout.ownerFile).catch(() => undefined);
      // ERELEASED: the lock was compromised and is already gone; nothing is left to release.
      await releaseLock().catch((error: unknown) => {
        if (errnoCode(error) !== 'ERELEASED') throw error;
      });
    },
  };
}

async function lockedError(io: FileIO, dir: string, ownerFile: string): Promise<WorkbenchError> {
  const owner = await readOwner(io, ownerFile);
  const who = owner ? ` (${describeOwner(owner)})` : '';
  return new WorkbenchError(
    'workspace-locked',
    `The workspace ${dir} is already open in another Tagwright window or command${who}. Close it first.`,
    { owner },
  );
}

async function readOwner(io: FileIO, ownerFile: string): Promise<LockOwner | null> {
  try {
    const parsed = lockOwnerSchema.safeParse(await readJsonFile(io, ownerFile, 64 * 1024));
    return parsed.success ? parsed.data : null;
  } catch {
    // The owner file is only a courtesy: a holder may be writing it right now, or may have crashed first.
    return null;
  }
}

export function describeOwner(owner: LockOwner): string {
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return `${owner.kind}, pid ${owner.pid}${where}, since ${owner.since}`;
}
