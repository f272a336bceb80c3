// Creates the read-only ProseMirror view of one document and the handle the UI drives it through
// (src/renderer/editor): annotation messages in, text-offset selections out. Positions never leave this
// folder: callers speak text offsets (UTF-16 over the canonical text), converted by ParagraphOffsets.
import { EditorState, TextSelection, type Selection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ParagraphOffsets } from '@shared/text';
import { annotationKey, annotationPlugin, type AnnotationMeta } from './annotation-plugin';
import { readOnlyText } from './read-only';
import { documentFromText } from './schema';

export interface TextRange {
  start: number;
  end: number;
}

export interface DocumentEditorOptions {
  describe: (label: string) => string;
  /** A click on the text (not a drag); return true if it selected a span. */
  onTextClick: (textOffset: number, event: MouseEvent) => boolean;
}

export type TransactionWork = (state: EditorState, dispatch: (tr: Transaction) => void) => void;

export interface DocumentEditor {
  readonly text: string;
  readonly offsets: ParagraphOffsets;
  send(meta: AnnotationMeta): void;
  /**
   * Runs `work` (e.g. a tagging command) and applies everything it causes — the annotation messages sent
   * meanwhile and the selection it dispatches — as ONE view update. Every update makes the browser re-sync
   * its selection over the whole text, which dominates the cost of a tag in a long document. `work` sees the
   * selection as the DOM has it: ProseMirror learns of selection changes asynchronously (selectionchange),
   * so a hotkey pressed right after Shift+Arrow would otherwise read a stale selection.
   */
  transact(work: TransactionWork): void;
  placeCaret(offset: number): void;
  scrollToSpan(spanId: string): void;
  focus(): void;
  destroy(): void;
}

export function createDocumentEditor(
  mount: HTMLElement,
  text: string,
  options: DocumentEditorOptions,
): DocumentEditor {
  const offsets = new ParagraphOffsets(text);
  const state = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [
      readOnlyText(),
      annotationPlugin({ offsets, describe: options.describe, onSpanClick: options.onTextClick }),
    ],
  });
  const view = new EditorView(mount, { state });
  let batch: { metas: AnnotationMeta[]; selection: Selection | null } | null = null;

  const transact = (work: TransactionWork): void => {
    const fromDom = selectionFromDom(view);
    const current = view.state;
    const start =
      fromDom !== null && !fromDom.eq(current.selection)
        ? current.apply(current.tr.setSelection(fromDom))
        : current;
    batch = { metas: [], selection: fromDom };
    try {
      work(start, (tr) => {
        if (batch !== null) batch.selection = tr.selection;
      });
    } finally {
      const { metas, selection } = batch;
      batch = null;
      const tr = view.state.tr;
      if (selection !== null && !selection.eq(view.state.selection)) {
        tr.setSelection(TextSelection.create(tr.doc, selection.anchor, selection.head));
      }
      if (metas.length > 0) tr.setMeta(annotationKey, metas);
      if (tr.selectionSet || metas.length > 0) view.dispatch(tr);
    }
  };

  return {
    text,
    offsets,
    send: (meta) => {
      if (batch !== null) batch.metas.push(meta);
      else view.dispatch(view.state.tr.setMeta(annotationKey, meta));
    },
    transact,
    placeCaret: (offset) => {
      const caret = TextSelection.create(view.state.doc, offsets.textToPos(offset));
      view.dispatch(view.state.tr.setSelection(caret));
    },
    scrollToSpan: (spanId) => {
      const element = view.dom.querySelector(`[data-span-id="${CSS.escape(spanId)}"]`);
      element?.scrollIntoView({ block: 'center', behavior: 'auto' });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

/** The DOM's current selection inside the editor as a ProseMirror selection, or null if it is elsewhere. */
function selectionFromDom(view: EditorView): TextSelection | null {
  const selection = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (selection === null || !anchorNode || !focusNode) return null;
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null;
  try {
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(focusNode, selection.focusOffset);
    return TextSelection.create(view.state.doc, anchor, head);
  } catch {
    return null; // A DOM position ProseMirror cannot map: keep its own selection.
  }
}
