// Exports and annotation imports from the renderer (src/renderer/stores): runs them as tasks (task-store.ts:
// progress that main reports to this window, Cancel), and after an import brings the workspace and the open
// documents up to date. What a finished export hands over (bytes or a saved path) is the dialog's business.
import type {
  ExportRequest,
  ExportResult,
  FormatInfo,
  ImportAnnotationsReport,
  ImportAnnotationsRequest,
} from '@shared/api';
import type { DocId } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import type { SessionRegistry } from './session-registry';
import type { Outcome, TaskStore } from './task-store';
import type { WorkspaceStore } from './workspace-store';

export type { Outcome };

export function createExchangeStore(
  api: TagwrightApi,
  workspace: WorkspaceStore,
  sessions: SessionRegistry,
  tasks: TaskStore,
) {
  let formats: Promise<FormatInfo[]> | null = null;

  return {
    /** The formats and what each says about itself (asked once). */
    formats(): Promise<FormatInfo[]> {
      formats ??= api['formats:list']({}).then((result) => (result.ok ? result.value : []));
      return formats;
    },

    runExport(request: Omit<ExportRequest, 'taskId'>): Promise<Outcome<ExportResult>> {
      return tasks.run('export', (taskId) => api['export:run']({ ...request, taskId }));
    },

    preview(request: Omit<ImportAnnotationsRequest, 'taskId'>): Promise<Outcome<ImportAnnotationsReport>> {
      return tasks.run('import-annotations', (taskId) => api['import:preview']({ ...request, taskId }));
    },

    async commit(
      request: Omit<ImportAnnotationsRequest, 'taskId'>,
    ): Promise<Outcome<ImportAnnotationsReport>> {
      const outcome = await tasks.run('import-annotations', (taskId) =>
        api['import:commit']({ ...request, taskId }),
      );
      if (outcome.ok) {
        await workspace.load();
        const updated = outcome.value.documents.filter((d) => d.match !== 'new' && d.docId !== null);
        await sessions.reload(updated.map((d) => d.docId as DocId));
      }
      return outcome;
    },
  };
}

export type ExchangeStore = ReturnType<typeof createExchangeStore>;
