// Loading, creating and refusing `workspace.json` when a workspace is opened (src/main).
// A damaged file is quarantined and the open fails with 'workspace-damaged'; a file from a newer build is
// refused untouched; an older one is backed up, then migrated. workspace.json is never overwritten here.
import { join } from 'node:path';
import { WorkbenchError } from '@shared/api/result';
import { WORKSPACE_SCHEMA_VERSION, type LabelSchema, type WorkspaceFile } from '@shared/model';
import type { Backups } from './backups';
import { workspaceBackupTarget } from './backups';
import { DurableJsonFile, JsonFileError, readJsonFile } from './durable-json-file';
import type { FileIO } from './file-io';
import { ioError } from './io-errors';
import type { WorkspaceLayout } from './layout';
import { needsMigration, schemaVersionOf, workspaceMigrations } from './migrations';
import { quarantineFile } from './quarantine';
import { checkWorkspace, decodeWorkspace } from './validation';

export interface WorkspaceFileContext {
  io: FileIO;
  layout: WorkspaceLayout;
  readOnly: boolean;
  maxBytes: number;
  backups: Backups;
  now: () => Date;
}

export function workspaceAdapter(
  io: FileIO,
  layout: WorkspaceLayout,
  maxBytes: number,
): DurableJsonFile<WorkspaceFile> {
  return new DurableJsonFile<WorkspaceFile>(layout.workspaceFile, { io, maxBytes, decode: decodeWorkspace });
}

/** Lays out a new workspace folder and writes its first workspace.json. */
export async function createWorkspaceFile(
  ctx: WorkspaceFileContext,
  labelSchema: LabelSchema,
  createdAt: Date,
): Promise<WorkspaceFile> {
  const checked = checkWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    createdAt: createdAt.toISOString(),
    labelSchema,
    annotators: [],
    documents: [],
  });
  if (!checked.ok)
    throw new WorkbenchError('invalid-request', `The label schema is not valid: ${checked.reason}`);
  const { io, layout } = ctx;
  try {
    for (const dir of [layout.documentsDir, layout.backupsDir, layout.quarantineDir]) await io.mkdirp(dir);
    await workspaceAdapter(io, layout, ctx.maxBytes).write(checked.ws);
  } catch (error) {
    throw ioError(`create the workspace ${layout.workspaceFile}`, layout.dir, error);
  }
  return checked.ws;
}

/** Reads, migrates and validates workspace.json, or throws the WorkbenchError that explains why it cannot. */
export async function loadWorkspaceFile(ctx: WorkspaceFileContext): Promise<WorkspaceFile> {
  const { io, layout } = ctx;
  let raw: unknown;
  try {
    raw = await readJsonFile(io, layout.workspaceFile, ctx.maxBytes);
  } catch (error) {
    if (error instanceof JsonFileError) throw await damagedError(ctx, error.reason);
    throw ioError('read workspace.json', layout.dir, error);
  }
  if (raw === null) {
    throw new WorkbenchError(
      'not-found',
      `There is no Tagwright workspace in ${layout.dir} (workspace.json is missing).`,
    );
  }
  const version = schemaVersionOf(raw);
  if (version !== undefined && version > WORKSPACE_SCHEMA_VERSION) {
    throw new WorkbenchError(
      'conflict',
      `The workspace ${layout.dir} was written by a newer Tagwright (schema version ${version}; this build reads ` +
        `up to ${WORKSPACE_SCHEMA_VERSION}). Open it with a newer version; nothing was changed.`,
      { found: version, supported: WORKSPACE_SCHEMA_VERSION },
    );
  }
  const migrating = needsMigration(raw, workspaceMigrations) && !ctx.readOnly;
  if (migrating) {
    try {
      await ctx.backups.backupNow(workspaceBackupTarget(layout));
    } catch (error) {
      throw ioError('back up workspace.json before migrating it', layout.dir, error);
    }
  }
  let ws: WorkspaceFile;
  try {
    ws = decodeWorkspace(raw);
  } catch (error) {
    throw await damagedError(ctx, error instanceof Error ? error.message : String(error));
  }
  if (migrating) {
    try {
      await workspaceAdapter(io, layout, ctx.maxBytes).write(ws);
    } catch (error) {
      throw ioError('save the migrated workspace.json', layout.dir, error);
    }
  }
  return ws;
}

async function damagedError(ctx: WorkspaceFileContext, reason: string): Promise<WorkbenchError> {
  const { io, layout } = ctx;
  let quarantinedAs: string | null = null;
  if (!ctx.readOnly) {
    quarantinedAs = await quarantineFile(io, layout, layout.workspaceFile, ctx.now()).catch(() => null);
  }
  const lastBackup = await ctx.backups.latest(workspaceBackupTarget(layout)).catch(() => null);
  const copy = quarantinedAs
    ? `An exact copy was kept as ${join(layout.dir, quarantinedAs)}; the file itself was left untouched.`
    : 'The file was left untouched.';
  return new WorkbenchError(
    'workspace-damaged',
    `The workspace file ${layout.workspaceFile} cannot be loaded: ${reason}. ${copy} ` +
      `Latest backup: ${lastBackup ?? 'none'}.`,
    { file: layout.workspaceFile, reason, quarantinedAs, lastBackup },
  );
}
