// How results and errors cross the process boundary: always as data, never as thrown exceptions (shared layer).
// Every method of the contract answers a `Result`; `code` is stable and machine-readable, `message` is for people.

export const errorCodes = [
  'invalid-request',
  'unknown-method',
  'not-found',
  'conflict',
  'import-rejected',
  'too-large',
  'workspace-locked',
  'workspace-damaged',
  'document-damaged',
  'io-error',
  'cancelled',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: ApiError } {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}

/** An error a service throws on purpose; the dispatcher turns it into a `Result` with the same code. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'WorkbenchError';
  }
}
