// The one narrow door through which every workspace-store file operation passes (src/main, Node only).
// Keeping it an interface lets tests wrap `nodeFileIO` to inject ENOSPC, EIO or crashes at exact moments,
// and keeps durability (fsync of files and directories) in one reviewed place.
import { constants, promises as fs } from 'node:fs';

export interface FileStat {
  size: number;
  mtimeMs: number;
  /** Inode and change time: a file renamed into place or written in any way changes one of them. */
  ino: number;
  ctimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
}

export interface FileIO {
  readFile(path: string): Promise<Buffer>;
  /** Creates `path` exclusively (fails if it exists), writes all of `data`, fsyncs and closes it. */
  writeFileSynced(path: string, data: string | Uint8Array): Promise<void>;
  /**
   * Appends all of `data` to `path` (created if absent) in one write and fdatasyncs it before resolving: the
   * acknowledged save of a journal entry. Creating the file still needs `fsyncDir` to survive power loss.
   */
  appendSynced(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Makes a rename or unlink inside `dir` durable. */
  fsyncDir(dir: string): Promise<void>;
  mkdirp(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** Copies byte for byte, refusing to overwrite `to`, and fsyncs the copy. */
  copyFile(from: string, to: string): Promise<void>;
  stat(path: string): Promise<FileStat>;
  unlink(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await fs.open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeFileIO: FileIO = {
  readFile: (path) => fs.readFile(path),

  async writeFileSynced(path, data) {
    const handle = await fs.open(path, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },

  async appendSynced(path, data) {
    const handle = await fs.open(path, 'a', 0o644);
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },

  rename: (from, to) => fs.rename(from, to),

  async fsyncDir(dir) {
    try {
      await fsyncPath(dir, 'r');
    } catch (error) {
      // Some platforms (Windows) and file systems cannot open or fsync a directory; the rename is still atomic.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
    }
  },

  async mkdirp(dir) {
    await fs.mkdir(dir, { recursive: true });
  },

  readdir: (dir) => fs.readdir(dir),

  async copyFile(from, to) {
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
    await fsyncPath(to, 'r+');
  },

  async stat(path) {
    const s = await fs.stat(path);
    return {
      size: s.size,
      mtimeMs: s.mtimeMs,
      ino: s.ino,
      ctimeMs: s.ctimeMs,
      isFile: s.isFile(),
      isDirectory: s.isDirectory(),
    };
  },

  unlink: (path) => fs.unlink(path),

  async exists(path) {
    try {
      await fs.stat(path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  },
};

/** The OS error code of a thrown value (ENOENT, ENOSPC, EIO…), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
