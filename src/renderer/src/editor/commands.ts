// Editor commands (src/renderer/editor), in ProseMirror's Command shape so a button can ask "can this run
// now?" by calling the command without `dispatch`. Tagging reads the selection as text offsets, snaps it
// outward to words (or only to grapheme clusters when `exact`), and hands the range to the caller.
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { snapToGraphemes, snapToWords, wordAt, type ParagraphOffsets } from '@shared/text';
import type { TextRange } from './document-editor';

/** The text range a label would be applied to now, or null when the selection holds nothing to tag. */
export interface TextModel {
  text: string;
  offsets: ParagraphOffsets;
}

export function taggableRange(
  state: EditorState,
  { text, offsets }: TextModel,
  exact: boolean,
): TextRange | null {
  const start = offsets.posToText(state.selection.from);
  const end = offsets.posToText(state.selection.to);
  if (start === end) return exact ? null : wordAt(text, start);
  const snapped = exact ? snapToGraphemes(text, start, end) : snapToWords(text, start, end);
  return snapped !== null && snapped.start < snapped.end ? snapped : null;
}

/** Tags the selection (see taggableRange); afterwards the caret sits at the end of the new span. */
export function tagSelection(model: TextModel, exact: boolean, onTag: (range: TextRange) => void): Command {
  return (state, dispatch) => {
    const range = taggableRange(state, model, exact);
    if (range === null) return false;
    if (dispatch !== undefined) {
      onTag(range);
      const caret = model.offsets.textToPos(range.end);
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, caret)));
    }
    return true;
  };
}
