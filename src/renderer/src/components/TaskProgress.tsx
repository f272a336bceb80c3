// Progress of long work in a dialog (src/renderer/components): what it is doing, how far (a real progress
// bar with counts) and Cancel, which stops it without leaving anything half-written.
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function TaskProgress() {
  const services = useServices();
  const progress = useStore(services.exchange.progress);
  if (progress === null) return null;
  return (
    <div className="task-progress">
      <label>
        {progress.phase}: {progress.done} of {progress.total}
        <progress max={Math.max(1, progress.total)} value={progress.done} />
      </label>
      <button type="button" onClick={() => void services.exchange.cancel()}>
        Cancel
      </button>
    </div>
  );
}
