// The middle column (src/renderer/components): the open document's title, label palette, toolbar, layer
// switcher and text, or what is happening instead (opening, failed, nothing to open).
import { useMemo } from 'react';
import type { WorkspaceView } from '@shared/api';
import { GOLD_LAYER, type Annotator, type LayerId } from '@shared/model';
import { applyLabel } from '../actions/tag-actions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { useStoreAfterPaint } from '../hooks/use-store-after-paint';
import type { DocumentSession } from '../stores/document-session';
import { CommandButton } from './CommandButton';
import { DocumentToolbar } from './DocumentToolbar';
import { DocumentView } from './DocumentView';
import { LabelPalette } from './LabelPalette';
import { LayerSwitcher } from './LayerSwitcher';
import { TaggingHint } from './TaggingHint';

export function DocumentPane({ view, analyst }: { view: WorkspaceView; analyst: Annotator }) {
  const services = useServices();
  const phase = useStore(services.sessions.phase);
  if (phase.kind === 'loading') return <p className="placeholder">Opening…</p>;
  if (phase.kind === 'failed') return <p role="alert">This document could not be opened: {phase.message}</p>;
  if (phase.kind === 'none') return <p className="placeholder">Import a document to start tagging.</p>;
  return <OpenDocument session={phase.session} view={view} analyst={analyst} />;
}

function OpenDocument({
  session,
  view,
  analyst,
}: {
  session: DocumentSession;
  view: WorkspaceView;
  analyst: Annotator;
}) {
  const services = useServices();
  const extra = useStore(services.ui.extraLayers);
  const reviewState = useStore(services.review.state);
  const reviewA = reviewState?.a ?? null;
  const reviewB = reviewState?.b ?? null;
  const review = useMemo(
    () => (reviewA === null || reviewB === null ? null : { a: reviewA, b: reviewB }),
    [reviewA, reviewB],
  );
  useStoreAfterPaint(session.version);
  const layerIds = session.layerIds().join(' ');
  const shownLayers = useMemo(() => {
    if (review !== null) return [review.a, review.b, GOLD_LAYER] as LayerId[];
    const present = new Set(layerIds.split(' '));
    const others = [...extra].filter((id) => present.has(id) && id !== session.editableLayer);
    return [...(session.editableLayer === null ? [] : [session.editableLayer]), ...others] as LayerId[];
  }, [extra, layerIds, session, review]);
  const summary = view.documents.find((d) => d.id === session.docId);
  const labels = view.labelSchema.labels;
  const onLabel = (labelId: string, exact: boolean) => {
    applyLabel(services.context(), labelId, exact);
    services.editor.get()?.focus();
  };
  return (
    <>
      <h1 className="document-heading">{summary?.title ?? session.record.title}</h1>
      <TaggingHint labels={labels} />
      <div className="document-bar">
        <LabelPalette labels={labels} disabled={session.editableLayer === null} onLabel={onLabel} />
        <CommandButton id="schema.open" label="Schema…" />
        <DocumentToolbar
          session={session}
          status={summary?.status[analyst.id] ?? 'new'}
          onStatus={(status) => void services.workspace.setStatus(session.docId, status)}
        />
      </div>
      {review === null && <LayerSwitcher session={session} annotators={view.annotators} />}
      <DocumentView
        session={session}
        labelSchema={view.labelSchema}
        shownLayers={shownLayers}
        review={review}
      />
    </>
  );
}
