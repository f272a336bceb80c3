// Null-prototype records for figures keyed by user data (labels, relation types, document ids) (shared layer,
// pure). They serialise to plain JSON objects, and an id such as "__proto__" or "constructor" stays an
// ordinary key instead of reaching Object.prototype.

/** A null-prototype record with the entries in the given order (JSON keeps that order). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct values, sorted in code-unit order. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}
