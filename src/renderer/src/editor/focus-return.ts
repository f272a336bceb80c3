// Keeps the analyst's place in the text when the keyboard comes back to it (src/renderer/editor). A native
// focus of the text — a closing dialog handing focus back, Tab — makes the browser put the caret at the
// start of the text, because the DOM selection left with the focus (into the dialog's field). ProseMirror
// repairs that only when it reads the next selectionchange; anything that reads the DOM selection sooner
// (the viewport window carries it on a scroll) would take the caret at the start as the analyst's, which
// deselects the selected span. So the editor's own selection is written back in the focus event itself.
import { Plugin, Selection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** True when the browser has reset the DOM selection to the start of the text while the editor's is elsewhere. */
export function isFocusReset(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection();
  const node = selection?.anchorNode;
  if (!selection?.isCollapsed || !node || !view.dom.contains(node)) return false;
  let pos: number;
  try {
    pos = view.posAtDOM(node, selection.anchorOffset);
  } catch {
    return false; // A DOM position ProseMirror cannot map: not the browser's reset.
  }
  // The caret may sit in the first text node or before the first paragraph (the editor's own node, offset 0).
  const start = Selection.atStart(view.state.doc);
  return pos <= start.from && !view.state.selection.eq(start);
}

export function focusReturn(): Plugin {
  // A press on the text focuses it too; there the caret belongs where the pointer puts it.
  let pointerDown = false;
  return new Plugin({
    props: {
      handleDOMEvents: {
        pointerdown: () => {
          pointerDown = true;
          return false;
        },
        pointerup: () => {
          pointerDown = false;
          return false;
        },
        focus: (view) => {
          // view.focus() writes the editor's selection to the DOM (and does not scroll: the focus is there).
          if (!pointerDown && isFocusReset(view)) view.focus();
          pointerDown = false;
          return false;
        },
      },
    },
  });
}
