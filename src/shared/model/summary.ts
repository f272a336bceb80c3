// Derives a document's index entry (what the document list shows) from the document itself (shared layer).
// The workspace index is always computed with this function, so it can be rebuilt from the files at any time.
import type { DocumentRecord } from './document';
import type { DocumentSummary } from './workspace';

export function summarizeDocument(doc: DocumentRecord): DocumentSummary {
  const spanCounts: Record<string, Record<string, number>> = {};
  for (const [layerId, layer] of Object.entries(doc.layers)) {
    const counts: Record<string, number> = {};
    for (const span of layer?.spans ?? []) counts[span.label] = (counts[span.label] ?? 0) + 1;
    spanCounts[layerId] = counts;
  }
  return {
    id: doc.id,
    title: doc.title,
    sha256: doc.sha256,
    chars: doc.text.length,
    status: { ...doc.status },
    spanCounts,
    revision: doc.revision,
    importedAt: doc.import.importedAt,
  };
}
