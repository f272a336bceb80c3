// The save indicator (src/renderer/components): "Saved" appears only after main confirmed the write.
import { useStore } from '../hooks/use-store';
import { saveState } from '../stores/save-queue';

export function SaveStatus() {
  const state = useStore(saveState);
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'All changes saved'
        : state.kind === 'error'
          ? `Not saved: ${state.message}`
          : 'No changes yet';
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
