// Checks every export runs before writing a byte (shared layer, pure): each span's stored quote must be the
// slice of its document's text at its offsets, and each relation must join spans of its own layer. A failure
// stops the whole export with an ExportError naming the document, the span and both texts: a mismatched span
// is never written, because a consumer slicing the text would silently get the wrong words.
import { checkRange, quoteMatches } from '../../text/anchor';
import type { ExportBundle, ExportDocument } from './bundle';

export class ExportError extends Error {
  constructor(
    message: string,
    readonly details: { document?: string; spanId?: string; expected?: string; actual?: string } = {},
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Shortens long texts in messages, keeping both ends visible. */
function excerpt(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= 80) return text;
  return `${chars.slice(0, 40).join('')}…${chars.slice(-30).join('')}`;
}

function checkDocument(doc: ExportDocument): void {
  for (const [layerId, layer] of Object.entries(doc.layers)) {
    const spanIds = new Set<string>();
    for (const span of layer.spans) {
      spanIds.add(span.id);
      const badRange = checkRange(doc.text, span.start, span.end);
      if (badRange !== null) {
        throw new ExportError(
          `Export stopped: in "${doc.title}", span ${span.id} (layer ${layerId}): ${badRange}`,
          {
            document: doc.title,
            spanId: span.id,
          },
        );
      }
      if (quoteMatches(doc.text, span)) continue;
      const actual = doc.text.slice(Math.max(0, span.start), Math.max(0, span.end));
      throw new ExportError(
        `Export stopped: in "${doc.title}", span ${span.id} (layer ${layerId}, ${span.start}–${span.end}) ` +
          `quotes "${excerpt(span.quote)}" but the text there reads "${excerpt(actual)}"`,
        { document: doc.title, spanId: span.id, expected: span.quote, actual },
      );
    }
    for (const relation of layer.relations) {
      for (const end of [relation.from, relation.to]) {
        if (spanIds.has(end)) continue;
        throw new ExportError(
          `Export stopped: in "${doc.title}", relation ${relation.id} (layer ${layerId}) points at span ${end}, which is not in that layer`,
          { document: doc.title },
        );
      }
    }
  }
}

/** Throws an ExportError at the first span whose quote does not match its text, or dangling relation. */
export function verifyBundle(bundle: ExportBundle): void {
  for (const doc of bundle.documents) checkDocument(doc);
}
