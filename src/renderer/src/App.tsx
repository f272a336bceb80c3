// The application shell (src/renderer): only composes — loading, a workspace that failed to open, the
// first-run name prompt, or the workbench.
import { useEffect } from 'react';
import { FirstRunDialog } from './components/FirstRunDialog';
import { Workbench } from './components/Workbench';
import { useStore } from './hooks/use-store';
import { workspaceStore } from './stores/workspace-store';

export function App() {
  const phase = useStore(workspaceStore.phase);
  useEffect(() => void workspaceStore.load(), []);
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
  if (analyst === null) return <FirstRunDialog onSubmit={workspaceStore.setLocalAnnotator} />;
  return <Workbench view={phase.view} analyst={analyst} />;
}
