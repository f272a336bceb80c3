// A FileIO that fails on purpose (src/main, tests only): wraps nodeFileIO and throws Node-shaped errors such as
// ENOSPC or EIO for chosen operations and paths, so tests can prove a failed write loses nothing acknowledged.
import { nodeFileIO, type FileIO } from '../file-io';
import { openWorkspace, type OpenWorkspaceOptions, type WorkspaceStore } from '../workspace-store';
import { makeTempDir, testLabelSchema } from './fixtures';

/** A method of the FileIO seam, or '*' for any of them (to fail the n-th call whatever it is). */
export type FaultyOperation = keyof FileIO | '*';

export interface Fault {
  op: FaultyOperation;
  code: 'ENOSPC' | 'EIO' | 'EACCES';
  /** Fails only when the (first) path matches; every call when absent. */
  path?: RegExp;
  /** How many matching calls succeed before the failures start (default 0: the first one fails). */
  skip?: number;
  /** How many calls fail from then on (default: every one, a disk that stays broken). */
  times?: number;
}

const MESSAGES = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EACCES: 'permission denied',
} as const;

export function osError(code: Fault['code'], syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code]}, ${syscall} '${path}'`), {
    code,
    syscall,
    path,
  });
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** What a failed call leaves: a full disk typically fails a write part-way, leaving half of it behind. */
const TORN: Partial<Record<keyof FileIO, (path: string, data: string | Uint8Array) => Promise<void>>> = {
  writeFileSynced: (path, data) =>
    nodeFileIO.writeFileSynced(path, typeof data === 'string' ? data.slice(0, data.length >> 1) : data),
  appendSynced: (path, data) =>
    nodeFileIO.appendSynced(path, typeof data === 'string' ? data.slice(0, data.length >> 1) : ''),
};

/** The path a fault is matched against: a rename's or copy's target, else the first argument. */
const pathOf = (op: keyof FileIO, args: unknown[]): string =>
  String(op === 'rename' || op === 'copyFile' ? args[1] : args[0]);

/** `faults` is live: tests push and clear entries while a store is open. */
export function faultyIO(faults: Fault[]): FileIO {
  const seen = new Map<Fault, number>();
  const failing = (op: keyof FileIO, path: string): Fault | undefined =>
    faults.find((f) => {
      if ((f.op !== op && f.op !== '*') || (f.path && !f.path.test(path))) return false;
      const calls = (seen.get(f) ?? 0) + 1;
      seen.set(f, calls);
      const skip = f.skip ?? 0;
      return calls > skip && calls <= skip + (f.times ?? Infinity);
    });
  const methods = Object.keys(nodeFileIO) as (keyof FileIO)[];
  return Object.fromEntries(
    methods.map((op) => [
      op,
      async (...args: unknown[]) => {
        const path = pathOf(op, args);
        const fault = failing(op, path);
        if (!fault) return (nodeFileIO[op] as AnyMethod)(...args);
        await TORN[op]?.(String(args[0]), args[1] as string | Uint8Array);
        throw osError(fault.code, op, String(args[0]));
      },
    ]),
  ) as unknown as FileIO;
}

/** A new workspace in a temp folder whose file I/O fails as `faults` says (tests push and clear them). */
export async function openFaultyWorkspace(
  options: Partial<OpenWorkspaceOptions> = {},
): Promise<{ dir: string; faults: Fault[]; store: WorkspaceStore }> {
  const dir = await makeTempDir();
  const faults: Fault[] = [];
  const store = await openWorkspace(dir, {
    owner: 'test',
    io: faultyIO(faults),
    createWith: { labelSchema: testLabelSchema },
    ...options,
  });
  return { dir, faults, store };
}
