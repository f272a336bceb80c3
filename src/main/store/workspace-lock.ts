// Single writer per workspace: a proper-lockfile lock on `<dir>/.lock` plus `.lock-owner.json` saying who holds
// it, so a refusal can name the other window or command (src/main). A lock whose holder on this machine is no
// longer running is taken over at once (after a crash the app restarts without waiting); one held from another
// machine (a shared folder) goes stale after `staleMs`, when its mtime stops being refreshed.
import { hostname } from 'node:os';
import { rmdir } from 'node:fs/promises';
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
  const take = () =>
    lock(dir, {
      lockfilePath: layout.lockPath,
      realpath: false,
      stale: options.staleMs ?? DEFAULT_STALE_LOCK_MS,
      retries: 0,
      onCompromised: options.onCompromised,
    });
  let releaseLock: () => Promise<void>;
  try {
    releaseLock = await take().catch(async (error: unknown) => {
      if (errnoCode(error) !== 'ELOCKED') throw error;
      const owner = await readOwner(options.io, layout.ownerFile);
      if (owner === null || !holderIsGone(owner)) throw await lockedError(dir, owner);
      // The holder crashed: remove its lock and take it. If another process races us here, proper-lockfile
      // reports the loser's lock as compromised, which turns that store read-only.
      // proper-lockfile's lock is an empty directory; its unlock() only releases locks this process holds.
      await rmdir(layout.lockPath).catch(() => undefined);
      return take();
    });
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    if (errnoCode(error) === 'ELOCKED') {
      throw await lockedError(dir, await readOwner(options.io, layout.ownerFile));
    }
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

/** True when `owner` names a process on this machine that no longer runs (signal 0 answers ESRCH). */
export function holderIsGone(owner: LockOwner): boolean {
  if (owner.host !== hostname() || owner.pid === process.pid || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the lock.
    return errnoCode(error) === 'ESRCH';
  }
}

async function lockedError(dir: string, owner: LockOwner | null): Promise<WorkbenchError> {
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
