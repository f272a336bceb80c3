// Keyboard-first tagging (src/renderer/hooks): label hotkeys (Alt+hotkey keeps the exact selection),
// n/p next/previous span, Delete removes the focused span, Escape clears it, Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z
// or Ctrl+Y redo. Keys typed into form fields are left alone.
import { useEffect, type RefObject } from 'react';
import type { LabelDef } from '@shared/model';
import { applyLabel } from '../actions/tag-actions';
import type { DocumentEditor } from '../editor/document-editor';
import {
  currentDocument,
  deleteSpan,
  focusNeighbour,
  focusSpan,
  redo,
  undo,
} from '../stores/annotation-store';
import { hiddenLabels } from '../stores/ui-store';

function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [role="dialog"]') !== null;
}

/** The hotkey a key event stands for: `code` keeps Alt+1 on macOS (which types ¡) meaning "1". */
function hotkeyOf(event: KeyboardEvent): string {
  const digit = /^Digit([0-9])$/.exec(event.code)?.[1];
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
  return digit ?? letter?.toLowerCase() ?? event.key.toLowerCase();
}

export function handleDocumentKey(
  event: KeyboardEvent,
  editor: DocumentEditor,
  labels: readonly LabelDef[],
): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey && key === 'z') return event.shiftKey ? redo() || true : undo() || true;
  if (mod && !event.altKey && !event.shiftKey && key === 'y') return redo() || true;
  if (mod || event.shiftKey) return false;
  const label = labels.find((l) => l.hotkey !== undefined && l.hotkey === hotkeyOf(event));
  if (label !== undefined) {
    applyLabel(editor, label.id, event.altKey);
    return true;
  }
  if (event.altKey) return false;
  const visible = (span: { label: string }) => !hiddenLabels.get().has(span.label);
  const focusedId = currentDocument()?.focusedId ?? null;
  switch (event.key) {
    case 'n':
      focusNeighbour(1, visible);
      return true;
    case 'p':
      focusNeighbour(-1, visible);
      return true;
    case 'Delete':
    case 'Backspace':
      if (focusedId === null) return false;
      deleteSpan(focusedId);
      return true;
    case 'Escape':
      focusSpan(null, false);
      return focusedId !== null;
    default:
      return false;
  }
}

export function useDocumentKeys(editor: RefObject<DocumentEditor | null>, labels: readonly LabelDef[]): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // No defaultPrevented check: ProseMirror prevents the browser default of Mod-z, Escape and Delete in
      // the text (there is nothing to edit), and those are exactly the keys handled here.
      if (isFormField(event.target) || editor.current === null) return;
      if (handleDocumentKey(event, editor.current, labels)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, labels]);
}
