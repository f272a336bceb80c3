// Derives one request handler from the contract (src/main). Both the ipcMain binding and the HTTP host call
// `dispatch`: it rejects unknown methods, validates the payload with the method's zod schema and turns every
// thrown error into data, so an invalid or hostile request from the untrusted renderer never reaches the service.
import type { z } from 'zod';
import {
  contract,
  fail,
  isMethodName,
  ok,
  WorkbenchError,
  type MethodName,
  type ResponseOf,
  type Result,
  type ValidRequestOf,
} from '@shared/api';

/** Who sent a request: the window's client id (its events are not echoed back to it). */
export interface Caller {
  clientId: string;
}

export const ANONYMOUS_CALLER: Caller = { clientId: 'anonymous' };

export type ServiceHandlers = {
  [M in MethodName]: (request: ValidRequestOf<M>, caller: Caller) => Promise<ResponseOf<M>>;
};

export type Dispatch = (method: string, payload: unknown, caller?: Caller) => Promise<Result<unknown>>;

export function createDispatcher(
  handlers: ServiceHandlers,
  log: (message: string) => void = () => {},
): Dispatch {
  return async (method, payload, caller = ANONYMOUS_CALLER) => {
    if (!isMethodName(method)) return fail('unknown-method', `There is no method called "${method}".`);
    const parsed = contract[method].request.safeParse(payload);
    if (!parsed.success) {
      return fail('invalid-request', `Invalid request for ${method}: ${describeZodError(parsed.error)}`, {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String),
          message: issue.message,
        })),
      });
    }
    try {
      const handler = handlers[method] as (request: unknown, caller: Caller) => Promise<unknown>;
      return ok(await handler(parsed.data, caller));
    } catch (error) {
      if (error instanceof WorkbenchError) return fail(error.code, error.message, error.details);
      log(
        `internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return fail('internal', `Tagwright hit an unexpected error in ${method}: ${String(error)}`);
    }
  };
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
