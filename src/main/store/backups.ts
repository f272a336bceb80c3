// Rotating backups of workspace files, written before a file is overwritten or migrated (src/main).
// `backups/documents/<docId>/<stamp>.json` and `backups/workspace/<stamp>.json`; a copy is taken when the newest
// one is older than the interval (default 10 minutes), and the newest `keep` (5) are kept.
import { join } from 'node:path';
import { tempPathFor } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';
import { fileStamp, parseFileStamp, type WorkspaceLayout } from './layout';

export interface BackupTarget {
  /** The live file that is copied. */
  readonly source: string;
  /** The folder that holds its backups. */
  readonly dir: string;
}

export function workspaceBackupTarget(layout: WorkspaceLayout): BackupTarget {
  return { source: layout.workspaceFile, dir: join(layout.backupsDir, 'workspace') };
}

export function documentBackupTarget(layout: WorkspaceLayout, id: string): BackupTarget {
  return { source: join(layout.documentsDir, `${id}.json`), dir: join(layout.backupsDir, 'documents', id) };
}

export interface BackupOptions {
  io: FileIO;
  now: () => Date;
  intervalMs: number;
  keep: number;
}

export class Backups {
  /** Time of the newest backup per backup folder, learned from the folder once and then kept up to date. */
  private readonly newest = new Map<string, number>();

  constructor(private readonly options: BackupOptions) {}

  /** Copies the target's current file if its newest backup is older than the interval. */
  async backupIfDue(target: BackupTarget): Promise<void> {
    const last = await this.newestTime(target);
    if (last !== undefined && this.options.now().getTime() - last < this.options.intervalMs) return;
    await this.backupNow(target);
  }

  /** Copies the target's current file unconditionally (before a migration); a missing file is not copied. */
  async backupNow(target: BackupTarget): Promise<string | null> {
    const { io } = this.options;
    if (!(await io.exists(target.source))) return null;
    const when = this.options.now();
    const final = join(target.dir, `${fileStamp(when)}.json`);
    const temp = tempPathFor(final);
    await io.mkdirp(target.dir);
    try {
      await io.copyFile(target.source, temp);
      await io.rename(temp, final);
    } catch (error) {
      await io.unlink(temp).catch(() => undefined);
      throw error;
    }
    await io.fsyncDir(target.dir);
    this.newest.set(target.dir, when.getTime());
    await this.prune(target.dir);
    return final;
  }

  /** The newest backup of a target, or null when there is none. */
  async latest(target: BackupTarget): Promise<string | null> {
    const names = await this.list(target.dir);
    const last = names.at(-1);
    return last === undefined ? null : join(target.dir, last);
  }

  private async newestTime(target: BackupTarget): Promise<number | undefined> {
    if (!this.newest.has(target.dir)) {
      const last = (await this.list(target.dir)).at(-1);
      const time = last === undefined ? undefined : parseFileStamp(last)?.getTime();
      if (time === undefined) return undefined;
      this.newest.set(target.dir, time);
    }
    return this.newest.get(target.dir);
  }

  /** Backup file names in a folder, oldest first. */
  private async list(dir: string): Promise<string[]> {
    let names: string[];
    try {
      names = await this.options.io.readdir(dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw error;
    }
    return names.filter((name) => name.endsWith('.json') && parseFileStamp(name) !== undefined).sort();
  }

  private async prune(dir: string): Promise<void> {
    const names = await this.list(dir);
    const excess = names.slice(0, Math.max(0, names.length - this.options.keep));
    for (const name of excess) await this.options.io.unlink(join(dir, name));
  }
}
