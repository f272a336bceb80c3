// How a contract method is declared (shared layer): its zod request schema, and its response type given once
// with `.returns<T>()`. The request type is always inferred from the schema, so no type is spelled twice.
import type { z } from 'zod';

export interface MethodSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: carries the response type; never read at run time. */
  response: Res;
}

export function method<Req extends z.ZodType>(request: Req) {
  return {
    returns: <Res>(): MethodSpec<Req, Res> => ({ request, response: undefined as unknown as Res }),
  };
}
