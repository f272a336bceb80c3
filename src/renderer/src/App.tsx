// The application shell (src/renderer): only composes — loading, a workspace that failed to open, the
// first-run name prompt, or the workbench — inside an error boundary so nothing blanks the window.
import { WhoAreYouDialog } from './components/WhoAreYouDialog';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Workbench } from './components/Workbench';
import { useAppearance } from './hooks/use-appearance';
import { useServices } from './hooks/use-services';
import { useStore } from './hooks/use-store';

export function App() {
  const services = useServices();
  const phase = useStore(services.workspace.phase);
  // The workspace and preferences are requested by main.tsx before the first render.
  useAppearance();
  if (phase.kind === 'loading') return <p className="placeholder">Opening the workspace…</p>;
  if (phase.kind === 'failed') {
    return (
      <div className="fatal" role="alert">
        <h1>Tagwright cannot open the workspace</h1>
        <p>{phase.error.message}</p>
      </div>
    );
  }
  const analyst = phase.view.localAnnotator;
  if (analyst === null)
    return <WhoAreYouDialog view={phase.view} onChoose={services.workspace.setLocalAnnotator} />;
  return (
    <ErrorBoundary area="the workbench">
      <Workbench view={phase.view} analyst={analyst} />
    </ErrorBoundary>
  );
}
