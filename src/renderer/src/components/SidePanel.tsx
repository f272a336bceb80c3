// The right column (src/renderer/components): the selected span's details, the span list of the analyst's
// layer (or of the layer the selected span belongs to), guidelines and keys.
import type { WorkspaceView } from '@shared/api';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';
import { KeyHelp } from './KeyHelp';
import { ReviewPanel } from './ReviewPanel';
import { SpanInspector } from './SpanInspector';
import { SpanPanel } from './SpanPanel';

export function SidePanel({ view }: { view: WorkspaceView }) {
  const services = useServices();
  const phase = useStore(services.sessions.phase);
  const labels = view.labelSchema.labels;
  return (
    <>
      {phase.kind === 'ready' && <SessionPanels session={phase.session} view={view} />}
      <KeyHelp labels={labels} />
    </>
  );
}

function SessionPanels({ session, view }: { session: DocumentSession; view: WorkspaceView }) {
  const services = useServices();
  useStore(session.version);
  const review = useStore(services.review.state);
  const focused = useStore(session.focused);
  const span = session.span(focused);
  const layer = focused?.layer ?? session.editableLayer;
  const labels = view.labelSchema.labels;
  return (
    <>
      {focused !== null && span !== undefined && (
        <SpanInspector session={session} focused={focused} span={span} labels={labels} />
      )}
      {review !== null ? (
        <ReviewPanel session={session} view={view} review={review} />
      ) : (
        layer !== null && <SpanPanel session={session} layer={layer} labels={labels} />
      )}
    </>
  );
}
