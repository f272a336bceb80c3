// Turns operating-system errors from store file I/O into WorkbenchError('io-error') with a useful sentence
// (src/main). The OS code (ENOSPC, EIO, EACCES…) is kept in the message and in `details.osCode`.
import { WorkbenchError } from '@shared/api/result';
import { errnoCode } from './file-io';

const EXPLANATIONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EIO: 'the disk reported an input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENOENT: 'a file or folder is missing',
  EBUSY: 'the file is busy',
};

/** `action` reads like "save documents/ab12.json"; `dir` is the workspace folder. */
export function ioError(action: string, dir: string, error: unknown): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const osCode = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const explanation = osCode ? (EXPLANATIONS[osCode] ?? detail) : detail;
  const code = osCode ? ` (${osCode})` : '';
  return new WorkbenchError('io-error', `Could not ${action} in ${dir}: ${explanation}${code}.`, {
    osCode: osCode ?? null,
    cause: detail,
  });
}
