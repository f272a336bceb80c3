// Progress of long work (src/renderer/components): what the running task of one kind is doing, how far (a real
// progress bar with counts) and Cancel, which stops it without leaving anything half-written.
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { TaskKind } from '../stores/task-store';

export function TaskProgress({ kind, label }: { kind: TaskKind; label?: string }) {
  const services = useServices();
  useStore(services.tasks.running);
  const task = services.tasks.ofKind(kind);
  if (task === undefined) return null;
  const name = label ?? task.phase;
  return (
    <div className="task-progress" role="group" aria-label={`${name} in progress`}>
      <label>
        {task.phase}: {task.done} of {task.total}
        <progress max={Math.max(1, task.total)} value={task.done} />
      </label>
      <button type="button" onClick={() => void services.tasks.cancel(task.taskId)}>
        Cancel
      </button>
    </div>
  );
}
