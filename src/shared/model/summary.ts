// Derives a document's index entry (what the document list shows) from the document itself (shared layer).
// The workspace index is always computed with this function, so it can be rebuilt from the files at any time.
import type { DocumentMeta, DocumentRecord } from './document';
import { splitsSurrogatePair } from '../text/surrogates';
import { emptyRecord, ownEntry, setEntry } from './records';
import type { DocumentSummary } from './workspace';

export function summarizeDocument(doc: DocumentRecord): DocumentSummary {
  // Layer ids and labels are user data: null-prototype records, so "constructor" counts like any other id.
  const spanCounts = emptyRecord<Record<string, number>>();
  for (const [layerId, layer] of Object.entries(doc.layers)) {
    const counts = emptyRecord<number>();
    for (const span of layer.spans) setEntry(counts, span.label, (ownEntry(counts, span.label) ?? 0) + 1);
    setEntry(spanCounts, layerId, counts);
  }
  const status = emptyRecord<DocumentRecord['status'][string]>();
  for (const [annotator, value] of Object.entries(doc.status)) setEntry(status, annotator, value);
  return {
    id: doc.id,
    title: doc.title,
    sha256: doc.sha256,
    chars: doc.text.length,
    status,
    spanCounts,
    revision: doc.revision,
    importedAt: doc.import.importedAt,
    batch: doc.import.batch ?? doc.import.importedAt,
    meta: summaryMeta(doc.meta),
  };
}

/** Metadata entries the index keeps per document: enough to show and sort by, small enough for workspace.json. */
export const SUMMARY_META_ENTRIES = 20;
export const SUMMARY_META_CHARS = 200;

/** The first entries of a document's metadata, long strings cut short (the document keeps them whole). */
export function summaryMeta(meta: DocumentMeta): DocumentMeta {
  const short = emptyRecord<DocumentMeta[string]>();
  for (const [key, value] of Object.entries(meta).slice(0, SUMMARY_META_ENTRIES)) {
    setEntry(short, key, typeof value === 'string' ? shorten(value) : value);
  }
  return short;
}

function shorten(value: string): string {
  if (value.length <= SUMMARY_META_CHARS) return value;
  // Never leave half of a surrogate pair at the cut.
  return value.slice(
    0,
    splitsSurrogatePair(value, SUMMARY_META_CHARS) ? SUMMARY_META_CHARS - 1 : SUMMARY_META_CHARS,
  );
}
