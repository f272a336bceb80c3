// Creates the read-only ProseMirror view of one document and the handle the UI drives it through
// (src/renderer/editor): one annotation plugin per layer (each with its own key and look), annotation messages
// in, text-offset selections out. Positions never leave this folder: callers speak text offsets (UTF-16 over
// the canonical text), converted by ParagraphOffsets.
import { EditorState, Plugin, TextSelection, type Selection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ParagraphOffsets } from '@shared/text';
import {
  annotationKey,
  annotationPlugin,
  type AnnotationMeta,
  type LayerContent,
  type LayerLook,
} from './annotation-plugin';
import { progressiveLayout } from './progressive-layout';
import { readOnlyText } from './read-only';
import { documentFromText } from './schema';
import { selectionFromDom } from './dom-selection';
import { focusReturn } from './focus-return';
import { viewportWindow } from './viewport-window';

export interface TextRange {
  start: number;
  end: number;
}

export interface EditorLayer {
  id: string;
  look: LayerLook;
  /** What the layer shows from the start, so the text is drawn once with its spans (not drawn, then redrawn). */
  initial?: LayerContent;
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
  // Before the annotation plugins: they read the window it holds in the same transaction.
  const viewport = viewportWindow(offsets, mount);
  const state = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [
      readOnlyText(),
      pointerAndSelection(offsets, options),
      focusReturn(),
      viewport.plugin,
      ...options.layers.map((layer) =>
        annotationPlugin({
          key: keys.get(layer.id)!,
          text,
          offsets,
          look: layer.look,
          describe: options.describe,
          initial: layer.initial,
        }),
      ),
    ],
  });
  // Before the view draws: only what is on screen is laid out at first, the rest in idle time.
  const layout = progressiveLayout(mount.ownerDocument, offsets.paragraphs.length);
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

  /** The extent of a shown span in any layer (its runs may not be drawn: only the text near the screen is). */
  const extentOf = (spanId: string): TextRange | undefined => {
    for (const key of keys.values()) {
      const span = key.getState(view.state)?.visible.find(spanId);
      if (span !== undefined) return span;
    }
    return undefined;
  };
  /** Top of the span's first line and bottom of its last, relative to the scroller's box. */
  const boxOf = (range: TextRange) => {
    const scroller = mount.getBoundingClientRect();
    const top = view.coordsAtPos(offsets.textToPos(range.start), 1).top - scroller.top;
    const bottom = view.coordsAtPos(offsets.textToPos(range.end), -1).bottom - scroller.top;
    return { top, bottom, height: scroller.height };
  };
  /** Scrolls so the span sits in the middle of the scroller (its top a third down if it is taller). */
  const centre = (extent: TextRange): void => {
    const box = boxOf(extent);
    const middle = Math.min(box.top + box.height / 3, (box.top + box.bottom) / 2);
    if (Math.abs(middle - box.height / 2) > 4) mount.scrollTop += middle - box.height / 2;
  };
  /**
   * Centres a range (a span, a search hit), then again on the next few frames while the paragraphs around it
   * are laid out for the first time (content-visibility estimates their height until then, so the range
   * drifts, and scroll anchoring follows other content); it stops at the analyst's first wheel, key or
   * pointer input.
   */
  const reveal = (extent: TextRange): void => {
    centre(extent);
    viewport.refresh();
    let frames = 4;
    const inputs = ['wheel', 'keydown', 'pointerdown'] as const;
    const stop = (): void => {
      frames = 0;
      for (const type of inputs) window.removeEventListener(type, stop, true);
    };
    for (const type of inputs) window.addEventListener(type, stop, true);
    const settle = (): void => {
      if (view.isDestroyed || frames-- <= 0) return stop();
      centre(extent);
      viewport.refresh();
      requestAnimationFrame(settle);
    };
    requestAnimationFrame(settle);
  };

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
    revealRange: (range) => {
      const { start, end } = range;
      const selection = TextSelection.create(
        view.state.doc,
        offsets.textToPos(start),
        offsets.textToPos(end),
      );
      view.dispatch(view.state.tr.setSelection(selection));
      reveal(range);
    },
    scrollToSpan: (spanId) => {
      const extent = extentOf(spanId);
      if (extent !== undefined) reveal(extent);
    },
    isSpanVisible: (spanId) => {
      const extent = extentOf(spanId);
      if (extent === undefined) return false;
      const box = boxOf(extent);
      return box.bottom > 0 && box.top < box.height;
    },
    focus: () => view.focus(),
    hasFocus: () => view.hasFocus(),
    destroy: () => {
      layout.destroy();
      view.destroy();
    },
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
