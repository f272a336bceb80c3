// The text window near the viewport (src/renderer/editor): which whole paragraphs are on screen or within a
// margin of it, as text offsets in a plugin state that the annotation plugins read, so they draw only there.
// Every scroll that brings a paragraph into the margin (or takes one out) moves the window, so each step
// redraws about as much text as it scrolled: even steps, never one large redraw.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ParagraphOffsets } from '@shared/text';
import { selectionFromDom } from './dom-selection';
import type { TextWindow } from './run-decorations';

export const viewportKey = new PluginKey<TextWindow | null>('tagwright-viewport');

/** Screen heights drawn above and below the screen, so a scroll step finds its text already drawn. */
const MARGIN = 1;
/** Before anything is laid out (or where nothing can be measured): the start of the text, a few screens. */
const UNMEASURED_CHARS = 12_000;

export interface ViewportWindow {
  plugin: Plugin<TextWindow | null>;
  /** Measures now and moves the window if it no longer covers the screen (e.g. right after a jump). */
  refresh(): void;
}

export function viewportWindow(offsets: ParagraphOffsets, scroller: HTMLElement): ViewportWindow {
  const starts: number[] = [];
  let at = 0;
  for (const paragraph of offsets.paragraphs) {
    starts.push(at);
    at += paragraph.length + 1;
  }
  const textLength = at - 1;
  const initial: TextWindow = { from: 0, to: Math.min(textLength, UNMEASURED_CHARS) };
  let current: EditorView | null = null;

  /** The paragraphs meeting the scroller's box widened by `margin` screens, as text offsets. */
  const windowAt = (view: EditorView, margin: number): TextWindow | null => {
    const box = scroller.getBoundingClientRect();
    const paragraphs = view.dom.children;
    if (box.height === 0 || paragraphs.length !== starts.length) return null;
    const top = box.top - margin * box.height;
    const bottom = box.bottom + margin * box.height;
    const first = firstIndex(paragraphs.length, (i) => paragraphs[i]!.getBoundingClientRect().bottom > top);
    const last =
      firstIndex(paragraphs.length, (i) => paragraphs[i]!.getBoundingClientRect().top >= bottom) - 1;
    if (last < first) return null;
    const end = last + 1 < starts.length ? starts[last + 1]! - 1 : textLength;
    return { from: starts[first]!, to: end };
  };

  const refresh = (): void => {
    const view = current;
    if (view === null) return;
    const window = viewportKey.getState(view.state) ?? initial;
    const next = windowAt(view, MARGIN);
    if (next === null || (next.from === window.from && next.to === window.to)) return;
    const tr = view.state.tr.setMeta(viewportKey, next);
    // The scroll may come before ProseMirror has read a new DOM selection: carry it, or it is overwritten.
    // Only while the text has the focus: otherwise ProseMirror's own selection is the one that counts.
    const selection = view.hasFocus() ? selectionFromDom(view) : null;
    if (selection !== null && !selection.eq(view.state.selection)) tr.setSelection(selection);
    view.dispatch(tr);
  };

  const plugin = new Plugin<TextWindow | null>({
    key: viewportKey,
    state: {
      init: () => initial,
      apply: (tr, value) => (tr.getMeta(viewportKey) as TextWindow | undefined) ?? value,
    },
    view: (view) => {
      current = view;
      const onScroll = (): void => refresh();
      scroller.addEventListener('scroll', onScroll, { passive: true });
      const resize = new ResizeObserver(onScroll);
      resize.observe(scroller);
      return {
        destroy: () => {
          current = null;
          scroller.removeEventListener('scroll', onScroll);
          resize.disconnect();
        },
      };
    },
  });
  return { plugin, refresh };
}

/** The window of an editor state (null: no viewport plugin, everything is drawn). */
export function textWindow(state: EditorState): TextWindow | null {
  return viewportKey.getState(state) ?? null;
}

/** The first index in [0, length) for which the monotone `holds` is true (length if none). */
function firstIndex(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
