// The document pane (src/renderer/components): mounts the ProseMirror editor for the open document and
// forwards annotation-store changes to it as transaction metadata. React never renders individual spans.
import { useEffect, useRef } from 'react';
import type { LabelSchema, Span } from '@shared/model';
import { selectSpanAt } from '../actions/tag-actions';
import type { DecoratedSpan } from '../editor/annotation-plugin';
import { createDocumentEditor, type DocumentEditor } from '../editor/document-editor';
import { useDocumentKeys } from '../hooks/use-document-keys';
import { currentDocument, subscribeChanges, type AnnotationChange } from '../stores/annotation-store';

const toDecorated = (s: Span): DecoratedSpan => ({ id: s.id, label: s.label, start: s.start, end: s.end });

function forward(editor: DocumentEditor, change: AnnotationChange): void {
  if (change.kind === 'reset') {
    editor.send({ kind: 'sync', spans: change.spans.map(toDecorated), focusedId: null });
  } else if (change.kind === 'delta') {
    const { addedSpans: added, removedSpans: removed, updatedSpans: updated } = change.delta;
    if (removed.length > 0) editor.send({ kind: 'remove', ids: removed });
    if (added.length > 0) editor.send({ kind: 'add', spans: added.map(toDecorated) });
    if (updated.length > 0) editor.send({ kind: 'update', spans: updated.map(toDecorated) });
  } else {
    editor.send({ kind: 'focus', id: change.spanId });
    const span = currentDocument()?.spans.find((s) => s.id === change.spanId);
    if (change.scroll && span !== undefined) {
      editor.placeCaret(span.start);
      editor.scrollToSpan(span.id);
    }
  }
}

export interface DocumentViewProps {
  docId: string;
  labelSchema: LabelSchema;
  onEditor: (editor: DocumentEditor | null) => void;
}

export function DocumentView({ docId, labelSchema, onEditor }: DocumentViewProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<DocumentEditor | null>(null);
  useDocumentKeys(editorRef, labelSchema.labels);

  useEffect(() => {
    const state = currentDocument();
    if (mountRef.current === null || state === null) return;
    const names = new Map(labelSchema.labels.map((l) => [l.id, l.name]));
    const editor = createDocumentEditor(mountRef.current, state.doc.text, {
      describe: (label) => names.get(label) ?? label,
      onTextClick: (offset) => selectSpanAt(offset),
    });
    editor.send({ kind: 'sync', spans: state.spans.map(toDecorated), focusedId: state.focusedId });
    const unsubscribe = subscribeChanges((change) => forward(editor, change));
    editorRef.current = editor;
    onEditor(editor);
    editor.focus();
    return () => {
      unsubscribe();
      editorRef.current = null;
      onEditor(null);
      editor.destroy();
    };
  }, [docId, labelSchema, onEditor]);

  return <div className="document-scroll" ref={mountRef} data-testid="document-view" />;
}
