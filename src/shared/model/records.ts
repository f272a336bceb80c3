// Records keyed by user data (shared layer, pure): layers by layer id, status by annotator, meta, attributes,
// span counts. Ids such as "__proto__", "constructor" or "toString" must behave as ordinary keys, so lookups
// read own properties only, writes define own properties, and parsed records have no prototype at all.
import { z } from 'zod';

/** A record without a prototype: no inherited "constructor" or "toString" to be found by mistake. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** The entry stored under `key` itself, never one inherited from Object.prototype. */
export function ownEntry<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own property; "__proto__" becomes a key, not a new prototype. */
export function setEntry<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Like z.record, but the result has no prototype and keeps a "__proto__" key (z.record drops it silently).
 * Errors carry the key in their path, e.g. ["layers", "dana", "spans", 3, "end"].
 */
export function ownRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  type Out = Record<z.output<K>, z.output<V>>;
  return z
    .custom<Record<z.input<K>, z.input<V>>>(isPlainRecord, { error: 'expected an object' })
    .transform((input, ctx): Out => {
      const out = emptyRecord<z.output<V>>();
      for (const name of Object.keys(input)) {
        const parsedKey = key.safeParse(name);
        if (!parsedKey.success) {
          for (const issue of parsedKey.error.issues)
            ctx.issues.push({ ...issue, code: 'custom', input: name, path: [name] });
          continue;
        }
        const parsedValue = value.safeParse((input as Record<string, unknown>)[name]);
        if (!parsedValue.success) {
          for (const issue of parsedValue.error.issues)
            ctx.issues.push({ ...issue, input: undefined, path: [name, ...issue.path] } as never);
          continue;
        }
        setEntry(out, parsedKey.data, parsedValue.data);
      }
      return out as Out;
    });
}
