// The renderer's view of the workspace (src/renderer/stores): label schema, analyst, document list and
// notices (import reports, errors). Only stores call the api; components call these actions.
import {
  MAX_IMPORT_FILE_BYTES,
  type ApiError,
  type ImportFile,
  type ImportReport,
  type TrashedDocument,
  type WorkbenchEvent,
  type WorkspaceView,
} from '@shared/api';
import {
  summarizeDocument,
  type DocId,
  type DocumentMeta,
  type DocumentRecord,
  type DocumentStatus,
  type DocumentSummary,
  type LabelSchema,
} from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';
import type { TaskStore } from './task-store';

export type Notice =
  | { kind: 'import'; report: ImportReport; cancelled?: boolean }
  | { kind: 'error'; message: string }
  /** A document went to the trash; the notice offers Undo. */
  | { kind: 'deleted'; trashed: TrashedDocument };

/** Raw bytes sent in one import request: base64 makes them a third larger, under the host's 48 MiB body limit. */
const REQUEST_BYTES = 24 * 1024 * 1024;

export type WorkspacePhase =
  { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; view: WorkspaceView };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Files grouped into requests of at most REQUEST_BYTES each (a file larger than that goes alone). */
export function importRequests<T extends { size: number }>(files: readonly T[]): T[][] {
  const groups: T[][] = [];
  let size = 0;
  for (const file of files) {
    const last = groups.at(-1);
    if (last === undefined || size + file.size > REQUEST_BYTES) {
      groups.push([file]);
      size = file.size;
    } else {
      last.push(file);
      size += file.size;
    }
  }
  return groups;
}

export function createWorkspaceStore(api: TagwrightApi, tasks: TaskStore) {
  const phase = observable<WorkspacePhase>({ kind: 'loading' });
  const notice = observable<Notice | null>(null);
  const importing = observable(false);

  const ready = (): WorkspaceView | null => {
    const current = phase.get();
    return current.kind === 'ready' ? current.view : null;
  };
  const patchView = (change: (view: WorkspaceView) => WorkspaceView): void => {
    const view = ready();
    if (view !== null) phase.set({ kind: 'ready', view: change(view) });
  };

  /** Replaces the summaries of documents already listed and appends new ones, in the order given. */
  const applySummaries = (summaries: readonly DocumentSummary[]): void => {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    patchView((view) => {
      const known = new Set(view.documents.map((d) => d.id));
      const documents = view.documents.map((doc) => byId.get(doc.id) ?? doc);
      documents.push(...summaries.filter((s) => !known.has(s.id)));
      return { ...view, documents };
    });
  };

  const dropDocuments = (ids: readonly string[]): void =>
    patchView((view) => ({ ...view, documents: view.documents.filter((doc) => !ids.includes(doc.id)) }));

  const load = async (): Promise<void> => {
    const result = await api['workspace:get']({});
    phase.set(result.ok ? { kind: 'ready', view: result.value } : { kind: 'failed', error: result.error });
  };

  return {
    phase,
    notice,
    importing,
    load,
    applySummaries,
    view: ready,
    labelSchema: (): LabelSchema | null => ready()?.labelSchema ?? null,
    /** The document list in the workspace's order (the queue sorts and filters it for display). */
    documents: (): readonly DocumentSummary[] => ready()?.documents ?? [],
    notify: (next: Notice) => notice.set(next),
    dismissNotice: () => notice.set(null),

    /** Says who this user is in this workspace: a new analyst by name, or one already there. */
    async setLocalAnnotator(choice: { name: string } | { annotatorId: string }): Promise<string | null> {
      const result = await api['annotator:set-local'](choice);
      if (!result.ok) return result.error.message;
      phase.set({ kind: 'ready', view: result.value });
      return null;
    },

    /**
     * Imports files as one task with progress and Cancel, in as few requests as the size limit allows: main
     * writes each request's documents all or nothing, and a file it refuses never blocks the others.
     */
    async importFiles(files: readonly File[]): Promise<ImportReport> {
      const report: ImportReport = { imported: [], duplicates: [], rejected: [] };
      const fitting = files.filter((file) => {
        const fits = file.size <= MAX_IMPORT_FILE_BYTES;
        if (!fits)
          report.rejected.push({
            file: file.name,
            message: `${file.size} bytes is more than the 32 MiB limit per file`,
          });
        return fits;
      });
      let cancelled = false;
      importing.set(true);
      try {
        for (const group of importRequests(fitting)) {
          const payload: ImportFile[] = await Promise.all(
            group.map(async (file) => ({
              name: file.name,
              dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
            })),
          );
          const result = await tasks.run('import', (taskId) =>
            api['documents:import']({ files: payload, taskId }),
          );
          if (result.ok) {
            report.imported.push(...result.value.imported);
            report.duplicates.push(...result.value.duplicates);
            report.rejected.push(...result.value.rejected);
          } else if (result.error.code === 'cancelled') {
            cancelled = true;
            break;
          } else
            report.rejected.push(
              ...group.map((file) => ({ file: file.name, message: result.error.message })),
            );
        }
      } finally {
        importing.set(false);
      }
      applySummaries(report.imported);
      notice.set({ kind: 'import', report, ...(cancelled ? { cancelled } : {}) });
      return report;
    },

    /**
     * Asks main to open another workspace folder in this one's place (create: a new one). The caller saves
     * every open document first and reloads the window on success.
     */
    async openWorkspace(path: string, create: boolean): Promise<string | null> {
      const result = await api['workspace:open']({ path, create });
      return result.ok ? null : result.error.message;
    },

    /** The local analyst changes their display name (their layer id stays). */
    async renameAnalyst(name: string): Promise<string | null> {
      const result = await api['annotator:rename']({ name });
      if (!result.ok) return result.error.message;
      phase.set({ kind: 'ready', view: result.value });
      return null;
    },

    async rename(docId: DocId, title: string): Promise<string | null> {
      const result = await api['document:rename']({ docId, title });
      if (!result.ok) return result.error.message;
      applySummaries([result.value]);
      return null;
    },

    async setMeta(
      docId: DocId,
      meta: DocumentMeta,
    ): Promise<{ ok: true; doc: DocumentRecord } | { ok: false; message: string }> {
      const result = await api['document:set-meta']({ docId, meta });
      if (!result.ok) return { ok: false, message: result.error.message };
      applySummaries([summarizeDocument(result.value)]);
      return { ok: true, doc: result.value };
    },

    /** Moves a document to the workspace's trash; the notice offers Undo (restore). */
    async remove(docId: DocId): Promise<boolean> {
      const result = await api['document:delete']({ docId });
      if (!result.ok) {
        notice.set({ kind: 'error', message: result.error.message });
        return false;
      }
      dropDocuments([docId]);
      notice.set({ kind: 'deleted', trashed: result.value });
      return true;
    },

    async restore(docId: DocId): Promise<string | null> {
      const result = await api['document:restore']({ docId });
      if (!result.ok) return result.error.message;
      applySummaries([result.value]);
      return null;
    },

    async trash(): Promise<TrashedDocument[]> {
      const result = await api['trash:list']({});
      return result.ok ? result.value : [];
    },

    /** The analyst's own status of a document, or gold's curation status (`layer` 'gold'). */
    async setStatus(docId: DocId, status: DocumentStatus, layer?: string): Promise<void> {
      const annotator = layer ?? ready()?.localAnnotator?.id;
      if (annotator === undefined) return;
      const result = await api['document:set-status']({ docId, annotator, status });
      if (result.ok) applySummaries([result.value]);
      else notice.set({ kind: 'error', message: result.error.message });
    },

    /** Main's events about changes other windows made to the list or the workspace. */
    handleEvent(event: WorkbenchEvent): void {
      if (event.kind === 'documents-changed') applySummaries(event.summaries);
      else if (event.kind === 'documents-removed') dropDocuments(event.docIds);
      else if (event.kind === 'annotations-changed') applySummaries([event.summary]);
      else if (event.kind === 'workspace-changed') void load();
    },
  };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
