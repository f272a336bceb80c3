// Request generators derived from the contract itself (bench/reliability, Node only): each method's zod request
// schema is exported as JSON Schema (`z.toJSONSchema`, input side) and walked into a fast-check arbitrary, so a
// method added to the contract is fuzzed without touching this file. Hints, keyed by the field's path, bias
// values towards what matters (known document ids, prototype keys, offsets that split surrogate pairs).
import fc from 'fast-check';
import { z } from 'zod';
import { contract, type MethodName } from '@shared/api';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** A field's path from the request's root, e.g. ['ops', '[]', 'span', 'start']. */
export type FieldPath = readonly string[];

/** Returns a generator for the field at `path`, or undefined to let the schema decide. */
export type Hints = (path: FieldPath, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/** Strings are generated short: what fuzzing needs is variety, not megabytes (size limits are tested apart). */
const MAX_GENERATED_CHARS = 120;
const MAX_GENERATED_ITEMS = 4;

export function requestSchema(method: MethodName): JsonSchema {
  return z.toJSONSchema(contract[method].request, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(schema.maxLength ?? MAX_GENERATED_CHARS, MAX_GENERATED_CHARS),
  );
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern), { maxLength });
  return fc.string({ minLength, maxLength, unit: 'binary' });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER);
  const edges = fc.constantFrom(min, max);
  const inRange = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: edges });
}

function objectArbitrary(schema: JsonSchema, path: FieldPath, hints: Hints): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0 && typeof schema.additionalProperties === 'object') {
    const keys =
      schema.propertyNames === undefined
        ? fc.string()
        : arbitraryFor(schema.propertyNames, [...path, '{}key'], hints);
    const values = arbitraryFor(schema.additionalProperties, [...path, '{}'], hints);
    return fc.dictionary(keys as fc.Arbitrary<string>, values, { maxKeys: 3 });
  }
  const model = Object.fromEntries(
    names.map((name) => [name, arbitraryFor(properties[name] ?? {}, [...path, name], hints)]),
  );
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => names.includes(k)) });
}

/** A generator of values the schema describes (mostly valid ones; the hints add the interesting invalid ones). */
export function arbitraryFor(schema: JsonSchema, path: FieldPath, hints: Hints): fc.Arbitrary<unknown> {
  const hinted = hints(path, schema);
  if (hinted !== undefined) return hinted;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices !== undefined) return fc.oneof(...choices.map((choice) => arbitraryFor(choice, path, hints)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = arbitraryFor(schema.items ?? {}, [...path, '[]'], hints);
      const minLength = schema.minItems ?? 0;
      return fc.array(item, {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS)),
      });
    }
    case 'object':
      return objectArbitrary(schema, path, hints);
    default:
      return opaqueArbitrary(path);
  }
}

const ID_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A field JSON Schema cannot describe: records keyed by user data are `ownRecord`s (a zod custom type that
 * keeps "__proto__" keys), exported as "any". Attributes are id → string; anything else gets any JSON.
 */
function opaqueArbitrary(path: FieldPath): fc.Arbitrary<unknown> {
  if (path.at(-1) === 'attributes')
    return fc.dictionary(fc.stringMatching(ID_KEY), fc.string({ maxLength: 40 }), { maxKeys: 3 });
  return fc.jsonValue({ maxDepth: 2 });
}
