// Requests generated from the contract's own schemas: without hints they are valid requests of every method
// (so the fuzzer reaches the service, not only the validator), and the mutator always breaks something.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '@shared/api';
import { mutate, PROTO_KEYS } from './hints';
import { arbitraryFor, requestSchema } from './schema-arbitrary';

/**
 * Methods whose request schemas refine a field in a way JSON Schema cannot state (an absolute folder path, a
 * metadata key rule): generated from the schema alone they are mostly refused by the validator, which is
 * fuzzing too; they are listed here so that a new method that cannot be generated is still noticed.
 */
const REFINED: ReadonlySet<string> = new Set(['workspace:open', 'document:set-meta']);

describe('generators derived from the contract', () => {
  for (const method of methodNames.filter((name) => !REFINED.has(name))) {
    it(`generates valid ${method} requests from its schema alone`, () => {
      const samples = fc.sample(
        arbitraryFor(requestSchema(method), [], () => undefined),
        { numRuns: 200, seed: 7 },
      );
      const valid = samples.filter((s) => contract[method].request.safeParse(s).success);
      // annotator:set-local trims the name before checking it is not empty; a few blank names are refused.
      expect(valid.length / samples.length).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('uses a hint for the field it names', () => {
    const samples = fc.sample(
      arbitraryFor(requestSchema('document:get'), [], (path) =>
        path.at(-1) === 'docId' ? fc.constant('constructor') : undefined,
      ),
      20,
    );
    expect(samples.every((s) => (s as { docId: string }).docId === 'constructor')).toBe(true);
  });
});

describe('the request mutator', () => {
  it('always returns something other than the request it was given', () => {
    fc.assert(
      fc.property(
        fc.nat(3),
        fc.nat(),
        fc.constantFrom(42, null, 'junk', { nested: [] }),
        (choice, pick, junk) => {
          const request = { docId: 'd1', ops: [{ kind: 'remove-span', spanId: 's1' }] };
          expect(mutate(request, choice, pick, junk)).not.toEqual(request);
        },
      ),
    );
  });

  it('can add a prototype key as an own property', () => {
    const mutated = mutate({ name: 'Dana' }, 2, 0, 'x') as Record<string, unknown>;
    expect(Object.hasOwn(mutated, PROTO_KEYS[0] as string)).toBe(true);
  });
});
