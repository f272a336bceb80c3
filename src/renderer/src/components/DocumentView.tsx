// The document pane's text (src/renderer/components): mounts the ProseMirror editor for a session with one
// annotation plugin per shown layer, plus one for the suggestions (drawn with a dotted frame, read-only), and
// forwards the session's changes, the suggestions and the emphasised spans to them as transaction metadata.
// React never renders individual spans.
import { useEffect, useRef } from 'react';
import type { LabelSchema, LayerId, Span } from '@shared/model';
import { compareClasses } from '../actions/review-actions';
import { selectSpanAt } from '../actions/tag-actions';
import type { DecoratedSpan } from '../editor/annotation-plugin';
import { createDocumentEditor, type DocumentEditor, type EditorLayer } from '../editor/document-editor';
import { useServices } from '../hooks/use-services';
import type { DocumentSession, SessionChange } from '../stores/document-session';
import type { SuggestionStore } from '../stores/suggestion-store';

/** The suggestions' plugin: not a layer id (those cannot hold a colon), so no analyst's layer can clash. */
const SUGGESTIONS = ':suggestions';

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

/** Draws the document's suggestions, the current one focused. */
function syncSuggestions(editor: DocumentEditor, session: DocumentSession, store: SuggestionStore): void {
  const current = store.current.get();
  const spans = store
    .list(session.docId)
    .map((s) => ({ id: s.key, label: s.label, start: s.start, end: s.end }));
  const focusedId = current?.docId === session.docId ? current.key : null;
  editor.send(SUGGESTIONS, { kind: 'sync', spans, focusedId });
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
    const { suggestions, ui } = services;
    const names = new Map(labelSchema.labels.map((l) => [l.id, l.name]));
    // Review compares layers below and above the text: suggestions would crowd A's band, so they wait.
    const withSuggestions = session.editableLayer !== null && review === null;
    const suggestionLook = { side: 'below' as const, band: 0, className: 'tw-layer-suggestion' };
    const focused = session.focused.get();
    const hidden = services.ui.hiddenLabels.get();
    // Each layer starts with its spans and the filter, so the text is drawn once, with them.
    const shown = layerLooks(session, shownLayers, review).map((layer, i) => ({
      ...layer,
      initial: {
        spans: session.layer(shownLayers[i]!).spans.map(toDecorated),
        focusedId: focused?.layer === layer.id ? focused.spanId : null,
        hidden,
      },
    }));
    const editor: DocumentEditor = createDocumentEditor(mountRef.current, session.text, {
      layers: [...shown, ...(withSuggestions ? [{ id: SUGGESTIONS, look: suggestionLook }] : [])],
      describe: (label) => names.get(label) ?? label,
      onTextClick: (offset) => {
        const hit = suggestions.list(session.docId).find((s) => s.start <= offset && offset < s.end);
        if (hit !== undefined) suggestions.current.set({ docId: session.docId, key: hit.key });
        return selectSpanAt(services.context(), shownLayers, offset);
      },
      onSelectionChange: (range) => {
        // Moving the caret out of the selected span deselects it: a label key then tags the word at the caret.
        const span = session.span(session.focused.get());
        if (span !== undefined && (range.start < span.start || range.end > span.end))
          session.focus(null, false);
      },
    });
    // A span selected before the text was shown (a claims-table row opens its document there) is scrolled to.
    const selected = session.span(session.focused.get());
    if (selected !== undefined) editor.scrollToSpan(selected.id);
    const drawn = withSuggestions ? [...shownLayers, SUGGESTIONS] : shownLayers;
    const classify = () => {
      if (review === null) return;
      for (const [layer, classes] of compareClasses(session, review.a, review.b))
        editor.send(layer, { kind: 'classes', classes });
    };
    classify();
    const hide = () => {
      for (const layer of drawn) editor.send(layer, { kind: 'hide', labels: ui.hiddenLabels.get() });
    };
    const emphasise = () => {
      for (const layer of shownLayers) editor.send(layer, { kind: 'emphasis', ids: ui.emphasis.get() });
    };
    const redrawSuggestions = () => withSuggestions && syncSuggestions(editor, session, suggestions);
    hide();
    emphasise();
    redrawSuggestions();
    const unsubscribers = [
      session.subscribe((change) => {
        forward(editor, session, shownLayers, change);
        if (change.kind !== 'focus') classify();
      }),
      ui.hiddenLabels.subscribe(hide),
      ui.emphasis.subscribe(emphasise),
      suggestions.version.subscribe(redrawSuggestions),
      suggestions.current.subscribe(redrawSuggestions),
      suggestions.attach(session),
    ];
    services.editor.set(editor);
    editor.focus();
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
      ui.emphasis.set([]);
      if (services.editor.get() === editor) services.editor.set(null);
      editor.destroy();
    };
  }, [session, labelSchema, shownLayers, services, review]);

  return <div className="document-scroll" ref={mountRef} data-testid="document-view" />;
}
