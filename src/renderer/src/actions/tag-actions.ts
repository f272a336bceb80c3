// What a label hotkey, a palette button or a click on the text does (src/renderer/actions): the glue between
// the editor (selection as text offsets) and the annotation store. Shared by keyboard and mouse paths.
import type { Span, SpanId } from '@shared/model';
import { tagSelection } from '../editor/commands';
import type { DocumentEditor } from '../editor/document-editor';
import { changeSpan, createSpan, currentDocument, focusSpan } from '../stores/annotation-store';
import { workspaceStore } from '../stores/workspace-store';

/**
 * With a text selection: creates a span (snapped outward to words unless `exact`). With only a caret: relabels
 * the focused span if there is one, else tags the word at the caret.
 */
export function applyLabel(editor: DocumentEditor, label: string, exact: boolean): void {
  const state = currentDocument();
  if (state === null) return;
  let tagged = true;
  editor.transact((editorState, dispatch) => {
    if (editorState.selection.empty && state.focusedId !== null) {
      const focused = state.spans.find((s) => s.id === state.focusedId);
      if (focused !== undefined && focused.label !== label) changeSpan(focused.id, { label });
      return;
    }
    tagged = tagSelection(editor, exact, (range) => {
      // The same label over the same text twice is never what an analyst means: select the existing span.
      const twin = state.spans.find(
        (s) => s.label === label && s.start === range.start && s.end === range.end,
      );
      if (twin !== undefined) focusSpan(twin.id, false);
      else createSpan(label, range.start, range.end);
    })(editorState, dispatch);
  });
  if (!tagged) {
    workspaceStore.notify({
      kind: 'error',
      message: 'Select some text (or put the caret in a word) to tag it.',
    });
  }
}

/** Spans under a clicked text offset, innermost first. */
export function spansAt(spans: readonly Span[], offset: number): Span[] {
  let covering = spans.filter((s) => s.start <= offset && offset < s.end);
  if (covering.length === 0) covering = spans.filter((s) => s.end === offset);
  return covering.sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Selects the innermost span under a click; clicking again at the same place cycles outward. */
export function selectSpanAt(offset: number): boolean {
  const state = currentDocument();
  if (state === null) return false;
  const covering = spansAt(state.spans, offset);
  if (covering.length === 0) {
    focusSpan(null, false);
    return false;
  }
  const index = covering.findIndex((s) => s.id === state.focusedId);
  const next: SpanId = covering[(index + 1) % covering.length]!.id;
  focusSpan(next, false);
  return false;
}
