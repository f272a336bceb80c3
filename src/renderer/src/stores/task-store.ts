// Long work the window started and can follow (src/renderer/stores): exports, imports, annotation imports,
// searches. Each runs under a task id the window chose; main's progress events for it update a progress bar,
// and Cancel asks main to stop it (main then writes nothing). Several tasks may run at once, one per kind.
import type { ApiError, WorkbenchEvent } from '@shared/api';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';

export type TaskKind = 'export' | 'import' | 'import-annotations' | 'search' | 'suggest' | 'agreement';

export interface TaskState {
  taskId: string;
  kind: TaskKind;
  phase: string;
  done: number;
  total: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function newTaskId(): string {
  return `task-${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

export function createTaskStore(api: TagwrightApi) {
  const running = observable<ReadonlyMap<string, TaskState>>(new Map());
  const change = (edit: (next: Map<string, TaskState>) => void) =>
    running.update((current) => {
      const next = new Map(current);
      edit(next);
      return next;
    });

  return {
    running,

    /** Runs `work` as a task of `kind`; its progress shows until it answers. */
    async run<T>(kind: TaskKind, work: (taskId: string) => Promise<Outcome<T>>): Promise<Outcome<T>> {
      const taskId = newTaskId();
      change((next) => next.set(taskId, { taskId, kind, phase: 'Starting', done: 0, total: 1 }));
      try {
        return await work(taskId);
      } finally {
        change((next) => next.delete(taskId));
      }
    },

    /** The running task of a kind, if any. */
    ofKind(kind: TaskKind): TaskState | undefined {
      return [...running.get().values()].find((task) => task.kind === kind);
    },

    /** Asks main to stop the task; it then answers 'cancelled' and leaves nothing half-written. */
    async cancel(taskId: string): Promise<void> {
      if (running.get().has(taskId)) await api['task:cancel']({ taskId });
    },

    handleEvent(event: WorkbenchEvent): void {
      if (event.kind !== 'progress') return;
      const task = running.get().get(event.taskId);
      if (task === undefined) return;
      const { phase, done, total } = event;
      change((next) => next.set(event.taskId, { ...task, phase, done, total }));
    },
  };
}

export type TaskStore = ReturnType<typeof createTaskStore>;
