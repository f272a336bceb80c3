// The analyst's document queue (src/renderer/stores): which documents the list shows and in what order —
// filtered by status, by words in the title or metadata and by import batch, sorted by import order, title,
// status, a label's count or a metadata field — the next unfinished document, and each analyst's progress.
// Pure functions over the summaries, plus the observable view the list and the commands share.
import { ownEntry, type Annotator, type DocumentStatus, type DocumentSummary } from '@shared/model';
import { observable } from './observable';

export type QueueSort = 'import' | 'title' | 'status' | `label:${string}` | `meta:${string}`;

export interface QueueView {
  status: DocumentStatus | 'all' | 'unfinished';
  /** Words that must appear in the title or a metadata value (case-insensitive). */
  text: string;
  batch: string | 'all';
  sort: QueueSort;
  descending: boolean;
}

export const defaultQueueView: QueueView = {
  status: 'all',
  text: '',
  batch: 'all',
  sort: 'import',
  descending: false,
};

const STATUS_ORDER: Record<DocumentStatus, number> = { new: 0, 'in-progress': 1, done: 2, skipped: 3 };
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function statusOf(doc: DocumentSummary, layer: string): DocumentStatus {
  return ownEntry(doc.status, layer) ?? 'new';
}

export function isUnfinished(status: DocumentStatus): boolean {
  return status === 'new' || status === 'in-progress';
}

function metaText(doc: DocumentSummary): string {
  return Object.values(doc.meta ?? {}).join(' ');
}

function sortKey(doc: DocumentSummary, sort: QueueSort, layer: string): string | number {
  if (sort === 'title') return doc.title;
  if (sort === 'status') return STATUS_ORDER[statusOf(doc, layer)];
  if (sort.startsWith('label:'))
    return ownEntry(ownEntry(doc.spanCounts, layer) ?? {}, sort.slice('label:'.length)) ?? 0;
  if (sort.startsWith('meta:')) return String(ownEntry(doc.meta ?? {}, sort.slice('meta:'.length)) ?? '');
  return `${doc.importedAt} ${doc.id}`;
}

function compareKeys(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** The documents the list shows for this view, in its order (ties keep import order). */
export function queueDocuments(
  documents: readonly DocumentSummary[],
  view: QueueView,
  layer: string,
): DocumentSummary[] {
  const words = view.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = documents.filter((doc) => {
    const status = statusOf(doc, layer);
    if (
      view.status === 'unfinished' ? !isUnfinished(status) : view.status !== 'all' && status !== view.status
    )
      return false;
    if (view.batch !== 'all' && (doc.batch ?? doc.importedAt) !== view.batch) return false;
    const haystack = `${doc.title} ${metaText(doc)}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const keyed = shown.map((doc) => ({
    doc,
    key: sortKey(doc, view.sort, layer),
    order: sortKey(doc, 'import', layer),
  }));
  keyed.sort((a, b) => {
    const byKey = compareKeys(a.key, b.key) * (view.descending ? -1 : 1);
    return byKey !== 0 ? byKey : compareKeys(a.order, b.order);
  });
  return keyed.map((entry) => entry.doc);
}

/**
 * The next document after `openId` in the list's order whose status is new or in progress, wrapping
 * around; undefined when every other document is done or skipped.
 */
export function nextUnfinished(
  ordered: readonly DocumentSummary[],
  openId: string | null,
  layer: string,
): DocumentSummary | undefined {
  const at = ordered.findIndex((doc) => doc.id === openId);
  for (let step = 1; step <= ordered.length; step++) {
    const doc = ordered[(at + step + ordered.length) % ordered.length];
    if (doc !== undefined && doc.id !== openId && isUnfinished(statusOf(doc, layer))) return doc;
  }
  return undefined;
}

export interface AnalystProgress {
  annotator: Annotator;
  done: number;
  inProgress: number;
  skipped: number;
  total: number;
}

/** How far each analyst is through the corpus. */
export function progressByAnalyst(
  documents: readonly DocumentSummary[],
  annotators: readonly Annotator[],
): AnalystProgress[] {
  return annotators.map((annotator) => {
    const count = (status: DocumentStatus) =>
      documents.filter((d) => statusOf(d, annotator.id) === status).length;
    return {
      annotator,
      done: count('done'),
      inProgress: count('in-progress'),
      skipped: count('skipped'),
      total: documents.length,
    };
  });
}

/** Metadata fields present in the corpus (for sorting by them), most common first. */
export function metaKeys(documents: readonly DocumentSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const doc of documents)
    for (const key of Object.keys(doc.meta ?? {})) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([key]) => key);
}

/** The import batches, oldest first, with how many documents each brought. */
export function importBatches(documents: readonly DocumentSummary[]): { batch: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    const batch = doc.batch ?? doc.importedAt;
    counts.set(batch, (counts.get(batch) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([batch, count]) => ({ batch, count }));
}

export function createQueueStore() {
  const view = observable<QueueView>(defaultQueueView);
  return {
    view,
    change: (patch: Partial<QueueView>) => view.update((current) => ({ ...current, ...patch })),
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
