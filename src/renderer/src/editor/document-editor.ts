// Creates the read-only ProseMirror view of one document and the handle the UI drives it through
// (src/renderer/editor): annotation messages in, text-offset selections out. Positions never leave this
// folder: callers speak text offsets (UTF-16 over the canonical text), converted by ParagraphOffsets.
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ParagraphOffsets } from '@shared/text';
import {
  annotationKey,
  annotationPlugin,
  type AnnotationMeta,
  type AnnotationState,
} from './annotation-plugin';
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

export interface DocumentEditor {
  readonly view: EditorView;
  readonly text: string;
  readonly offsets: ParagraphOffsets;
  send(meta: AnnotationMeta): void;
  annotations(): AnnotationState;
  selection(): TextRange;
  /**
   * ProseMirror learns of DOM selection changes asynchronously (selectionchange); a hotkey pressed right
   * after Shift+Arrow would read a stale selection. Commands call this first to read the DOM's own.
   */
  syncSelectionFromDom(): void;
  placeCaret(offset: number): void;
  select(range: TextRange): void;
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
  const setSelection = (range: TextRange) => {
    const { doc } = view.state;
    const selection = TextSelection.create(doc, offsets.textToPos(range.start), offsets.textToPos(range.end));
    view.dispatch(view.state.tr.setSelection(selection));
  };
  return {
    view,
    text,
    offsets,
    send: (meta) => view.dispatch(view.state.tr.setMeta(annotationKey, meta)),
    annotations: () => annotationKey.getState(view.state)!,
    selection: () => {
      const { from, to } = view.state.selection;
      return { start: offsets.posToText(from), end: offsets.posToText(to) };
    },
    syncSelectionFromDom: () => syncSelectionFromDom(view),
    placeCaret: (offset) => setSelection({ start: offset, end: offset }),
    select: setSelection,
    scrollToSpan: (spanId) => {
      const element = view.dom.querySelector(`[data-span-id="${CSS.escape(spanId)}"]`);
      element?.scrollIntoView({ block: 'center', behavior: 'auto' });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

function syncSelectionFromDom(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (selection === null || !anchorNode || !focusNode) return;
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  try {
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(focusNode, selection.focusOffset);
    const current = view.state.selection;
    if (anchor === current.anchor && head === current.head) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  } catch {
    // A DOM position ProseMirror cannot map (e.g. inside a widget): keep its own selection.
  }
}
