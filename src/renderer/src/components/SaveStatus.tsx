// The save indicator (src/renderer/components): "All changes saved" whenever nothing is waiting for main —
// also right after a reload, when that is simply true — "Saving…" while a write is out, "Not saved" + why.
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function SaveStatus() {
  const state = useStore(useServices().tracker.state);
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'All changes saved'
        : `Not saved: ${state.message}`;
  return (
    <div
      className={`save-status save-${state.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </div>
  );
}
