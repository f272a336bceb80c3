// Long work that a window can follow and cancel (src/main): an export, an import, agreement over a corpus.
// The window names the work with a task id; progress goes to that window only (a few times a second at most),
// and `task:cancel` aborts it: the work checks its signal between steps and writes nothing once cancelled.
import { WorkbenchError } from '@shared/api';
import type { EventHub } from './event-hub';

const PROGRESS_EVERY_MS = 150;

export interface Task {
  readonly signal: AbortSignal;
  /** Reports how far the work is; throttled, except the last step of a phase. */
  progress(phase: string, done: number, total: number): void;
  /** Throws 'cancelled' when the window cancelled the task. */
  checkpoint(): void;
}

export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: EventHub) {}

  /** Runs `work` as task `taskId` for window `clientId`; without a task id the work simply runs. */
  async run<T>(taskId: string | undefined, clientId: string, work: (task: Task) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (taskId !== undefined) {
      if (this.running.has(taskId))
        throw new WorkbenchError('conflict', `Task ${taskId} is already running.`);
      this.running.set(taskId, controller);
    }
    let last = 0;
    const task: Task = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        const now = Date.now();
        if (taskId === undefined || (now - last < PROGRESS_EVERY_MS && done < total)) return;
        last = now;
        this.events.sendTo(clientId, { kind: 'progress', taskId, phase, done, total });
      },
      checkpoint: () => {
        if (controller.signal.aborted) throw cancelledError();
      },
    };
    try {
      return await work(task);
    } finally {
      if (taskId !== undefined) this.running.delete(taskId);
    }
  }

  cancel(taskId: string): boolean {
    const controller = this.running.get(taskId);
    controller?.abort();
    return controller !== undefined;
  }
}

export function cancelledError(): WorkbenchError {
  return new WorkbenchError('cancelled', 'The work was cancelled; nothing was written.');
}
