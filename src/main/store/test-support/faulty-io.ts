// A FileIO that fails on purpose (src/main, tests only): wraps nodeFileIO and throws Node-shaped errors such as
// ENOSPC or EIO for chosen operations and paths, so tests can prove a failed write loses nothing acknowledged.
import { nodeFileIO, type FileIO } from '../file-io';
import { openWorkspace, type OpenWorkspaceOptions, type WorkspaceStore } from '../workspace-store';
import { makeTempDir, testLabelSchema } from './fixtures';

export type FaultyOperation =
  'writeFileSynced' | 'appendSynced' | 'rename' | 'fsyncDir' | 'copyFile' | 'readFile' | 'unlink';

export interface Fault {
  op: FaultyOperation;
  code: 'ENOSPC' | 'EIO' | 'EACCES';
  /** Fails only when the (first) path matches; every call when absent. */
  path?: RegExp;
  /** How many matching calls succeed before the failures start (default 0: the first one fails). */
  skip?: number;
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

/** `faults` is live: tests push and clear entries while a store is open. */
export function faultyIO(faults: Fault[]): FileIO {
  const seen = new Map<Fault, number>();
  const failing = (op: FaultyOperation, path: string): Fault | undefined =>
    faults.find((f) => {
      if (f.op !== op || (f.path && !f.path.test(path))) return false;
      const calls = (seen.get(f) ?? 0) + 1;
      seen.set(f, calls);
      return calls > (f.skip ?? 0);
    });
  return {
    ...nodeFileIO,
    async writeFileSynced(path, data) {
      const fault = failing('writeFileSynced', path);
      if (!fault) return nodeFileIO.writeFileSynced(path, data);
      // A full disk typically fails part-way: leave a truncated temp file behind for the writer to clean up.
      await nodeFileIO.writeFileSynced(
        path,
        typeof data === 'string' ? data.slice(0, data.length >> 1) : data,
      );
      throw osError(fault.code, 'write', path);
    },
    async appendSynced(path, data) {
      const fault = failing('appendSynced', path);
      if (!fault) return nodeFileIO.appendSynced(path, data);
      // A torn append: part of the line reaches the file, then the write fails.
      await nodeFileIO.appendSynced(path, data.slice(0, data.length >> 1));
      throw osError(fault.code, 'write', path);
    },
    async unlink(path) {
      const fault = failing('unlink', path);
      if (fault) throw osError(fault.code, 'unlink', path);
      return nodeFileIO.unlink(path);
    },
    async rename(from, to) {
      const fault = failing('rename', to);
      if (fault) throw osError(fault.code, 'rename', from);
      return nodeFileIO.rename(from, to);
    },
    async fsyncDir(dir) {
      const fault = failing('fsyncDir', dir);
      if (fault) throw osError(fault.code, 'fsync', dir);
      return nodeFileIO.fsyncDir(dir);
    },
    async copyFile(from, to) {
      const fault = failing('copyFile', to);
      if (fault) throw osError(fault.code, 'copyfile', to);
      return nodeFileIO.copyFile(from, to);
    },
    async readFile(path) {
      const fault = failing('readFile', path);
      if (fault) throw osError(fault.code, 'read', path);
      return nodeFileIO.readFile(path);
    },
  };
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
