// Exports and annotation imports from the renderer (src/renderer/stores): runs them as tasks with a progress
// that main reports to this window, cancels them, and after an import brings the workspace and the open
// documents up to date. What a finished export hands over (bytes or a saved path) is the dialog's business.
import type {
  ApiError,
  ExportRequest,
  ExportResult,
  FormatInfo,
  ImportAnnotationsReport,
  ImportAnnotationsRequest,
  WorkbenchEvent,
} from '@shared/api';
import type { DocId } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';
import type { SessionRegistry } from './session-registry';
import type { WorkspaceStore } from './workspace-store';

export interface Progress {
  taskId: string;
  phase: string;
  done: number;
  total: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

function newTaskId(): string {
  return `task-${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

export function createExchangeStore(api: TagwrightApi, workspace: WorkspaceStore, sessions: SessionRegistry) {
  const progress = observable<Progress | null>(null);
  let formats: Promise<FormatInfo[]> | null = null;
  let running: string | null = null;

  const track = async <T>(
    work: (taskId: string) => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>,
  ) => {
    const taskId = newTaskId();
    running = taskId;
    progress.set({ taskId, phase: 'Starting', done: 0, total: 1 });
    try {
      return (await work(taskId)) as Outcome<T>;
    } finally {
      running = null;
      progress.set(null);
    }
  };

  return {
    progress,

    /** The formats and what each says about itself (asked once). */
    formats(): Promise<FormatInfo[]> {
      formats ??= api['formats:list']({}).then((result) => (result.ok ? result.value : []));
      return formats;
    },

    runExport(request: Omit<ExportRequest, 'taskId'>): Promise<Outcome<ExportResult>> {
      return track((taskId) => api['export:run']({ ...request, taskId }));
    },

    preview(request: Omit<ImportAnnotationsRequest, 'taskId'>): Promise<Outcome<ImportAnnotationsReport>> {
      return track((taskId) => api['import:preview']({ ...request, taskId }));
    },

    async commit(
      request: Omit<ImportAnnotationsRequest, 'taskId'>,
    ): Promise<Outcome<ImportAnnotationsReport>> {
      const outcome = await track((taskId) => api['import:commit']({ ...request, taskId }));
      if (outcome.ok) {
        await workspace.load();
        const updated = outcome.value.documents.filter((d) => d.match !== 'new' && d.docId !== null);
        await sessions.reload(updated.map((d) => d.docId as DocId));
      }
      return outcome;
    },

    /** Cancels the running task; it answers 'cancelled' and writes nothing. */
    async cancel(): Promise<void> {
      if (running !== null) await api['task:cancel']({ taskId: running });
    },

    handleEvent(event: WorkbenchEvent): void {
      if (event.kind === 'progress' && event.taskId === running) {
        progress.set({ taskId: event.taskId, phase: event.phase, done: event.done, total: event.total });
      }
    },
  };
}

export type ExchangeStore = ReturnType<typeof createExchangeStore>;
