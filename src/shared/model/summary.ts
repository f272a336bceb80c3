// Derives a document's index entry (what the document list shows) from the document itself (shared layer).
// The workspace index is always computed with this function, so it can be rebuilt from the files at any time.
import type { DocumentRecord } from './document';
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
  };
}
