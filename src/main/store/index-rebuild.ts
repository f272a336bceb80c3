// Rebuilds the derived document index of workspace.json from the document files, which are the truth (src/main).
// Entries keep their import order; documents missing from the index are appended by import time, entries whose
// file is gone are dropped, and entries of damaged files are kept so a damaged document stays visible.
import type { DocumentSummary } from '@shared/model';

export interface IndexRebuild {
  index: DocumentSummary[];
  /** True when the rebuilt index differs from the stored one, which must then be rewritten. */
  changed: boolean;
}

/** `summaries`: of every document file that was read, or left unread because its entry stands for it. */
export function rebuildIndex(
  stored: readonly DocumentSummary[],
  summaries: readonly DocumentSummary[],
  damagedIds: ReadonlySet<string>,
): IndexRebuild {
  const fresh = new Map<string, DocumentSummary>(summaries.map((summary) => [summary.id, summary]));
  const index: DocumentSummary[] = [];
  const placed = new Set<string>();
  for (const entry of stored) {
    if (placed.has(entry.id)) continue;
    const summary = fresh.get(entry.id) ?? (damagedIds.has(entry.id) ? entry : undefined);
    if (summary) {
      index.push(summary);
      placed.add(entry.id);
    }
  }
  const missing = [...fresh.values()]
    .filter((summary) => !placed.has(summary.id))
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
  index.push(...missing);
  return { index, changed: !sameIndex(stored, index) };
}

function sameIndex(a: readonly DocumentSummary[], b: readonly DocumentSummary[]): boolean {
  // Summaries are plain JSON built in a fixed key order by summarizeDocument, except for record keys
  // (status, spanCounts), which follow the document's own order; compare canonically to be safe.
  return a.length === b.length && a.every((entry, i) => canonical(entry) === canonical(b[i]));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
}
