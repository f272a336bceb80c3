// The renderer runs under a CSP without 'unsafe-eval': zod must never try `new Function`, even to probe
// whether it may (each probe was reported as a CSP violation, twice per page load).
import { afterEach, describe, expect, it } from 'vitest';

const RealFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = RealFunction;
});

describe('zod in the renderer', () => {
  it('parses the contract without ever constructing a Function', async () => {
    const constructed: unknown[][] = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        constructed.push(args);
        return Reflect.construct(target, args) as object;
      },
    });
    await import('./zod-setup');
    const { contract } = await import('@shared/api');
    const parsed = contract['document:set-status'].request.safeParse({
      docId: 'd1',
      annotator: 'dana',
      status: 'done',
    });
    expect(parsed.success).toBe(true);
    expect(constructed).toEqual([]);
  });
});
