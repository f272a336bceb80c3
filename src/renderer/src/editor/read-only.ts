// Keeps the document text immutable while leaving a real caret for keyboard selection (src/renderer/editor).
// DESIGN.md asked for `editable: false`, but then ProseMirror runs no keymaps and browsers offer no caret
// (no Shift+Arrow selection); so the view stays editable and every path that could change the text is blocked.
import { Plugin } from 'prosemirror-state';

const EDITING_KEYS = new Set(['Backspace', 'Delete', 'Enter']);

export function readOnlyText(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleKeyDown: (_view, event) => EDITING_KEYS.has(event.key),
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
        cut: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      attributes: {
        role: 'textbox',
        'aria-readonly': 'true',
        'aria-multiline': 'true',
        'aria-label': 'Document text',
        // Already in the tab order as an editable element; said outright so checkers (axe) see the scrolling
        // text has keyboard access.
        tabindex: '0',
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        inputmode: 'none',
        class: 'tw-document',
      },
    },
  });
}
