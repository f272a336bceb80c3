// The document pane's text (src/renderer/components): mounts the ProseMirror editor for a session with one
// annotation plugin per shown layer, and forwards the session's changes to it as transaction metadata. React
// never renders individual spans.
import { useEffect, useRef } from 'react';
import type { LabelSchema, LayerId, Span } from '@shared/model';
import { compareClasses } from '../actions/review-actions';
import { selectSpanAt } from '../actions/tag-actions';
import type { DecoratedSpan } from '../editor/annotation-plugin';
import { createDocumentEditor, type DocumentEditor, type EditorLayer } from '../editor/document-editor';
import { useServices } from '../hooks/use-services';
import type { DocumentSession, SessionChange } from '../stores/document-session';

const toDecorated = (s: Span): DecoratedSpan => ({ id: s.id, label: s.label, start: s.start, end: s.end });

/**
 * The analyst's own layer draws below the text; every other shown layer above it, each in its own band. In
 * review, A is below, B above, and gold above B in a boxed style: position and line, not colour alone.
 */
export function layerLooks(
  session: DocumentSession,
  shown: readonly LayerId[],
  review: { a: LayerId; b: LayerId } | null = null,
): EditorLayer[] {
  if (review !== null) {
    return shown.map((id) => ({
      id,
      look:
        id === review.a
          ? { side: 'below', band: 0, className: 'tw-layer-a' }
          : id === review.b
            ? { side: 'above', band: 0, className: 'tw-layer-b' }
            : { side: 'above', band: 3, className: 'tw-layer-gold' },
    }));
  }
  let band = 0;
  return shown.map((id) => {
    if (id === session.editableLayer)
      return { id, look: { side: 'below', band: 0, className: 'tw-layer-mine' } };
    const look = {
      side: 'above' as const,
      band,
      className: id === 'gold' ? 'tw-layer-gold' : 'tw-layer-other',
    };
    band += 3;
    return { id, look };
  });
}

function forward(
  editor: DocumentEditor,
  session: DocumentSession,
  shown: readonly LayerId[],
  change: SessionChange,
) {
  if (change.kind === 'reset') {
    const focused = session.focused.get();
    for (const layer of shown) {
      const focusedId = focused?.layer === layer ? focused.spanId : null;
      editor.send(layer, { kind: 'sync', spans: session.layer(layer).spans.map(toDecorated), focusedId });
    }
  } else if (change.kind === 'delta') {
    if (!shown.includes(change.layer)) return;
    const { addedSpans, removedSpans, updatedSpans } = change.delta;
    if (removedSpans.length > 0) editor.send(change.layer, { kind: 'remove', ids: removedSpans });
    if (addedSpans.length > 0) editor.send(change.layer, { kind: 'add', spans: addedSpans.map(toDecorated) });
    if (updatedSpans.length > 0)
      editor.send(change.layer, { kind: 'update', spans: updatedSpans.map(toDecorated) });
  } else {
    for (const layer of shown) {
      editor.send(layer, {
        kind: 'focus',
        id: change.focused?.layer === layer ? change.focused.spanId : null,
      });
    }
    const span = session.span(change.focused);
    if (change.scroll && span !== undefined) {
      editor.placeCaret(span.start);
      editor.scrollToSpan(span.id);
    }
  }
}

export interface DocumentViewProps {
  session: DocumentSession;
  labelSchema: LabelSchema;
  shownLayers: readonly LayerId[];
  /** Review mode: A and B are compared; their spans carry the compare classes. */
  review?: { a: LayerId; b: LayerId } | null;
}

export function DocumentView({ session, labelSchema, shownLayers, review = null }: DocumentViewProps) {
  const services = useServices();
  const mountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (mountRef.current === null) return;
    const names = new Map(labelSchema.labels.map((l) => [l.id, l.name]));
    const focused = session.focused.get();
    const hidden = services.ui.hiddenLabels.get();
    // Each layer starts with its spans and the filter, so the text is drawn once, with them.
    const layers = layerLooks(session, shownLayers, review).map((layer, i) => ({
      ...layer,
      initial: {
        spans: session.layer(shownLayers[i]!).spans.map(toDecorated),
        focusedId: focused?.layer === layer.id ? focused.spanId : null,
        hidden,
      },
    }));
    const editor: DocumentEditor = createDocumentEditor(mountRef.current, session.text, {
      layers,
      describe: (label) => names.get(label) ?? label,
      onTextClick: (offset) => selectSpanAt(services.context(), shownLayers, offset),
      onSelectionChange: (range) => {
        // Moving the caret out of the selected span deselects it: a label key then tags the word at the caret.
        const span = session.span(session.focused.get());
        if (span !== undefined && (range.start < span.start || range.end > span.end))
          session.focus(null, false);
      },
    });
    const classify = () => {
      if (review === null) return;
      for (const [layer, classes] of compareClasses(session, review.a, review.b))
        editor.send(layer, { kind: 'classes', classes });
    };
    classify();
    const hide = () => {
      for (const layer of shownLayers)
        editor.send(layer, { kind: 'hide', labels: services.ui.hiddenLabels.get() });
    };
    const unsubscribe = session.subscribe((change) => {
      forward(editor, session, shownLayers, change);
      if (change.kind !== 'focus') classify();
    });
    const unsubscribeHidden = services.ui.hiddenLabels.subscribe(hide);
    services.editor.set(editor);
    editor.focus();
    return () => {
      unsubscribe();
      unsubscribeHidden();
      if (services.editor.get() === editor) services.editor.set(null);
      editor.destroy();
    };
  }, [session, labelSchema, shownLayers, services, review]);

  return <div className="document-scroll" ref={mountRef} data-testid="document-view" />;
}
