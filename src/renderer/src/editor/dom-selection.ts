// The browser's selection inside the editor as a ProseMirror selection (src/renderer/editor). ProseMirror
// learns of DOM selection changes asynchronously (selectionchange), so a transaction dispatched before it
// has — a hotkey right after Shift+Arrow, or the window moving on the scroll a selection caused — would
// otherwise act on, and write back, the old selection.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** The DOM's current selection inside the editor as a ProseMirror selection, or null if it is elsewhere. */
export function selectionFromDom(view: EditorView): TextSelection | null {
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
