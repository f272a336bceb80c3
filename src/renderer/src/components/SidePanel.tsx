// The right column (src/renderer/components): the selected span's details, then three tabs — the span list,
// the frames of who said what, and the suggestions — of the analyst's layer (or of the layer the selected
// span belongs to), or the review panel while reviewing, then guidelines and keys.
import type { WorkspaceView } from '@shared/api';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';
import type { SideTab } from '../stores/ui-store';
import { FramePanel } from './FramePanel';
import { KeyHelp } from './KeyHelp';
import { ReviewPanel } from './ReviewPanel';
import { SpanInspector } from './SpanInspector';
import { SpanPanel } from './SpanPanel';
import { SuggestionPanel } from './SuggestionPanel';

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

const TABS: { id: SideTab; name: string }[] = [
  { id: 'spans', name: 'Spans' },
  { id: 'frames', name: 'Frames' },
  { id: 'suggestions', name: 'Suggestions' },
];

function SessionPanels({ session, view }: { session: DocumentSession; view: WorkspaceView }) {
  const services = useServices();
  useStore(session.version);
  const review = useStore(services.review.state);
  const focused = useStore(session.focused);
  const span = session.span(focused);
  const layer = focused?.layer ?? session.editableLayer;
  return (
    <>
      {focused !== null && span !== undefined && (
        <SpanInspector session={session} focused={focused} span={span} schema={view.labelSchema} />
      )}
      {review !== null ? (
        <ReviewPanel session={session} view={view} review={review} />
      ) : (
        <AnnotationTabs session={session} view={view} layer={layer} />
      )}
    </>
  );
}

interface AnnotationTabsProps {
  session: DocumentSession;
  view: WorkspaceView;
  layer: DocumentSession['editableLayer'];
}

/** Spans, frames and suggestions of a layer, one tab at a time. */
function AnnotationTabs({ session, view, layer }: AnnotationTabsProps) {
  const services = useServices();
  useStore(services.suggestions.version);
  const tab = useStore(services.ui.sideTab);
  const labels = view.labelSchema.labels;
  const suggestionCount = services.suggestions.list(session.docId).length;
  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Annotation views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            onClick={() => services.ui.sideTab.set(t.id)}
          >
            {t.name}
            {t.id === 'suggestions' && suggestionCount > 0 && ` (${suggestionCount})`}
          </button>
        ))}
      </div>
      <div
        className="side-tab-panel"
        role="tabpanel"
        id={`side-panel-${tab}`}
        aria-labelledby={`side-tab-${tab}`}
      >
        {layer !== null && tab === 'spans' && <SpanPanel session={session} layer={layer} labels={labels} />}
        {layer !== null && tab === 'frames' && (
          <FramePanel session={session} layer={layer} schema={view.labelSchema} />
        )}
        {tab === 'suggestions' && <SuggestionPanel session={session} />}
      </div>
    </>
  );
}
