// The ProseMirror schema for a document: paragraphs of plain text, one per line of the canonical text
// (src/renderer/editor). Annotations are never part of the document: they are decorations.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import type { ParagraphOffsets } from '@shared/text';

export const documentSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph*' },
    paragraph: {
      content: 'text*',
      toDOM: () => ['p', { class: 'tw-para', dir: 'auto' }, 0],
      parseDOM: [{ tag: 'p' }],
    },
    text: {},
  },
});

/** Builds the ProseMirror document whose positions `offsets` maps to and from text offsets. */
export function documentFromText(offsets: ParagraphOffsets): PMNode {
  const { paragraph } = documentSchema.nodes;
  const paragraphs = offsets.paragraphs.map((line) =>
    paragraph!.create(null, line.length > 0 ? documentSchema.text(line) : null),
  );
  return documentSchema.nodes.doc!.create(null, paragraphs);
}
