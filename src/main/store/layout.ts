// Where each workspace file lives on disk, and the timestamped names of backups and quarantined copies (src/main).
// One place for the layout of DESIGN §5, so no module builds paths by hand.
import { join, relative, sep } from 'node:path';

export interface WorkspaceLayout {
  readonly dir: string;
  readonly workspaceFile: string;
  readonly documentsDir: string;
  readonly backupsDir: string;
  readonly quarantineDir: string;
  /** Deleted documents, restorable (trash.ts). */
  readonly trashDir: string;
  readonly lockPath: string;
  readonly ownerFile: string;
}

export function layoutOf(dir: string): WorkspaceLayout {
  return {
    dir,
    workspaceFile: join(dir, 'workspace.json'),
    documentsDir: join(dir, 'documents'),
    backupsDir: join(dir, 'backups'),
    quarantineDir: join(dir, 'quarantine'),
    trashDir: join(dir, 'trash'),
    lockPath: join(dir, '.lock'),
    ownerFile: join(dir, '.lock-owner.json'),
  };
}

export function documentPath(layout: WorkspaceLayout, id: string): string {
  return join(layout.documentsDir, `${id}.json`);
}

/** The operations journal of a document, next to its file (see journal-file.ts). */
export function journalPath(layout: WorkspaceLayout, id: string): string {
  return join(layout.documentsDir, `${id}.journal`);
}

/** A path relative to the workspace folder with forward slashes, as shown to people (`documents/ab12.json`). */
export function relativeName(layout: WorkspaceLayout, path: string): string {
  return relative(layout.dir, path).split(sep).join('/');
}

/** `2026-03-04T05-06-07.089Z`: sorts chronologically and is a valid file name on every platform. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z/;

/** The time encoded at the start of a name made with `fileStamp`, or undefined. */
export function parseFileStamp(name: string): Date | undefined {
  const m = STAMP.exec(name);
  if (!m) return undefined;
  const date = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
