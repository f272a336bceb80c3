// What happens to a document file that cannot be used (src/main): an exact copy goes to quarantine (when the
// store may write), the problem is described with the latest backup, and later access fails with
// 'document-damaged' naming all of it.
import type { StoreProblem } from '@shared/api/contract';
import { WorkbenchError } from '@shared/api/result';
import { documentBackupTarget, type Backups } from './backups';
import type { DamagedDocument } from './document-files';
import type { FileIO } from './file-io';
import { relativeName, type WorkspaceLayout } from './layout';
import { quarantineFile } from './quarantine';

export interface DamageContext {
  io: FileIO;
  layout: WorkspaceLayout;
  backups: Backups;
  now: () => Date;
  /** False for read-only stores (and after the lock was lost): then nothing is copied. */
  mayWrite: boolean;
}

export async function describeDamage(ctx: DamageContext, damage: DamagedDocument): Promise<StoreProblem> {
  let quarantinedAs = '';
  let reason = damage.reason;
  if (ctx.mayWrite) {
    try {
      quarantinedAs = await quarantineFile(ctx.io, ctx.layout, damage.path, ctx.now());
    } catch (error) {
      reason += ` (no copy could be kept in quarantine: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const latest = await ctx.backups.latest(documentBackupTarget(ctx.layout, damage.id)).catch(() => null);
  return {
    file: relativeName(ctx.layout, damage.path),
    reason,
    quarantinedAs,
    lastBackup: latest === null ? null : relativeName(ctx.layout, latest),
  };
}

export function documentDamagedError(dir: string, problem: StoreProblem): WorkbenchError {
  const copy = problem.quarantinedAs ? ` An exact copy is in ${problem.quarantinedAs}.` : '';
  const backup = problem.lastBackup ? ` The latest backup is ${problem.lastBackup}.` : ' There is no backup.';
  return new WorkbenchError(
    'document-damaged',
    `The document file ${problem.file} in ${dir} cannot be used: ${problem.reason}. It is left unchanged ` +
      `and will not be written.${copy}${backup}`,
    problem,
  );
}
