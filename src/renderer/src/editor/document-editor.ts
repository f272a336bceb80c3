// Creates the read-only ProseMirror view of one document and the handle the UI drives it through
// (src/renderer/editor): one annotation plugin per layer (each with its own key and look), annotation messages
// in, text-offset selections out. Positions never leave this folder: callers speak text offsets (UTF-16 over
// the canonical text), converted by ParagraphOffsets.
import { EditorState, Plugin, TextSelection, type Selection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ParagraphOffsets } from '@shared/text';
import { annotationKey, annotationPlugin, type AnnotationMeta, type LayerLook } from './annotation-plugin';
import { readOnlyText } from './read-only';
import { documentFromText } from './schema';

export interface TextRange {
  start: number;
  end: number;
}

export interface EditorLayer {
  id: string;
  look: LayerLook;
}

export interface DocumentEditorOptions {
  layers: readonly EditorLayer[];
  describe: (label: string) => string;
  /** A click on the text (not a drag); return true if it selected a span. */
  onTextClick: (textOffset: number, event: MouseEvent) => boolean;
  /** The selection moved (keyboard, mouse or a command), as text offsets. */
  onSelectionChange?: (range: TextRange) => void;
}

export type TransactionWork = (state: EditorState, dispatch: (tr: Transaction) => void) => void;

export interface DocumentEditor {
  readonly text: string;
  readonly offsets: ParagraphOffsets;
  /** Sends an annotation message to one layer's plugin (batched into the running `transact`, if any). */
  send(layer: string, meta: AnnotationMeta): void;
  /**
   * Runs `work` (e.g. a tagging command) and applies everything it causes — the annotation messages sent
   * meanwhile and the selection it dispatches — as ONE view update. Every update makes the browser re-sync
   * its selection over the whole text, which dominates the cost of a tag in a long document. `work` sees the
   * selection as the DOM has it: ProseMirror learns of selection changes asynchronously (selectionchange),
   * so a hotkey pressed right after Shift+Arrow would otherwise read a stale selection.
   */
  transact(work: TransactionWork): void;
  /** The selection as text offsets (read from the DOM when it is newer than ProseMirror's). */
  selection(): TextRange;
  placeCaret(offset: number): void;
  /** Selects a range of the text and scrolls it into view (a search hit), ready for a label key. */
  revealRange(range: TextRange): void;
  scrollToSpan(spanId: string): void;
  /** True when some part of the span is inside the visible part of the scrolling text. */
  isSpanVisible(spanId: string): boolean;
  focus(): void;
  hasFocus(): boolean;
  destroy(): void;
}

export function createDocumentEditor(
  mount: HTMLElement,
  text: string,
  options: DocumentEditorOptions,
): DocumentEditor {
  const offsets = new ParagraphOffsets(text);
  const keys = new Map(options.layers.map((layer) => [layer.id, annotationKey(layer.id)]));
  const state = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [
      readOnlyText(),
      pointerAndSelection(offsets, options),
      ...options.layers.map((layer) =>
        annotationPlugin({
          key: keys.get(layer.id)!,
          text,
          offsets,
          look: layer.look,
          describe: options.describe,
        }),
      ),
    ],
  });
  const view = new EditorView(mount, { state });
  let batch: { metas: Map<string, AnnotationMeta[]>; selection: Selection | null } | null = null;

  const dispatchMetas = (tr: Transaction, metas: Map<string, AnnotationMeta[]>) => {
    for (const [layer, list] of metas) {
      const key = keys.get(layer);
      if (key !== undefined && list.length > 0) tr.setMeta(key, list);
    }
  };

  const transact = (work: TransactionWork): void => {
    const fromDom = selectionFromDom(view);
    const current = view.state;
    const start =
      fromDom !== null && !fromDom.eq(current.selection)
        ? current.apply(current.tr.setSelection(fromDom))
        : current;
    batch = { metas: new Map(), selection: fromDom };
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
      dispatchMetas(tr, metas);
      if (tr.selectionSet || metas.size > 0) view.dispatch(tr);
    }
  };

  const elementsOf = (spanId: string) => [
    ...view.dom.querySelectorAll<HTMLElement>(`[data-span-ids~="${CSS.escape(spanId)}"]`),
  ];

  return {
    text,
    offsets,
    send: (layer, meta) => {
      if (batch !== null) {
        const list = batch.metas.get(layer) ?? [];
        list.push(meta);
        batch.metas.set(layer, list);
      } else if (keys.has(layer)) {
        view.dispatch(view.state.tr.setMeta(keys.get(layer)!, meta));
      }
    },
    transact,
    selection: () => {
      const selection = selectionFromDom(view) ?? view.state.selection;
      return { start: offsets.posToText(selection.from), end: offsets.posToText(selection.to) };
    },
    placeCaret: (offset) => {
      const caret = TextSelection.create(view.state.doc, offsets.textToPos(offset));
      view.dispatch(view.state.tr.setSelection(caret));
    },
    revealRange: ({ start, end }) => {
      const range = TextSelection.create(view.state.doc, offsets.textToPos(start), offsets.textToPos(end));
      view.dispatch(view.state.tr.setSelection(range).scrollIntoView());
    },
    scrollToSpan: (spanId) => elementsOf(spanId)[0]?.scrollIntoView({ block: 'center', behavior: 'auto' }),
    isSpanVisible: (spanId) => {
      const scroller = mount.getBoundingClientRect();
      return elementsOf(spanId).some((element) => {
        const box = element.getBoundingClientRect();
        return box.bottom > scroller.top && box.top < scroller.bottom;
      });
    },
    focus: () => view.focus(),
    hasFocus: () => view.hasFocus(),
    destroy: () => view.destroy(),
  };
}

/** Clicks on the text (a span under the pointer) and every selection change, reported as text offsets. */
function pointerAndSelection(offsets: ParagraphOffsets, options: DocumentEditorOptions): Plugin {
  return new Plugin({
    props: {
      handleClick: (_view, pos, event) =>
        !event.shiftKey && options.onTextClick(offsets.posToText(pos), event),
      // A quick second click arrives as a double click; it must cycle to the enclosing span all the same.
      handleDoubleClick: (_view, pos, event) =>
        !event.shiftKey && options.onTextClick(offsets.posToText(pos), event),
    },
    view: () => ({
      update: (view, previous) => {
        if (view.state.selection.eq(previous.selection)) return;
        const { from, to } = view.state.selection;
        options.onSelectionChange?.({ start: offsets.posToText(from), end: offsets.posToText(to) });
      },
    }),
  });
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
