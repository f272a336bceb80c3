// The renderer's view of the workspace (src/renderer/stores): label schema, analyst, document list and
// notices (import reports, errors). Only stores call the api; components call these actions.
import {
  MAX_IMPORT_FILE_BYTES,
  type ApiError,
  type ImportReport,
  type WorkbenchEvent,
  type WorkspaceView,
} from '@shared/api';
import type { DocId, DocumentStatus, DocumentSummary, LabelSchema } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';

export type Notice = { kind: 'import'; report: ImportReport } | { kind: 'error'; message: string };

export type WorkspacePhase =
  { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; view: WorkspaceView };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createWorkspaceStore(api: TagwrightApi) {
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
    notify: (next: Notice) => notice.set(next),
    dismissNotice: () => notice.set(null),

    /** Says who this user is in this workspace: a new analyst by name, or one already there. */
    async setLocalAnnotator(choice: { name: string } | { annotatorId: string }): Promise<string | null> {
      const result = await api['annotator:set-local'](choice);
      if (!result.ok) return result.error.message;
      phase.set({ kind: 'ready', view: result.value });
      return null;
    },

    /** Imports each file in its own request, so one malformed file never blocks (or half-imports) the others. */
    async importFiles(files: readonly File[]): Promise<ImportReport> {
      const report: ImportReport = { imported: [], duplicates: [], rejected: [] };
      importing.set(true);
      try {
        for (const file of files) {
          if (file.size > MAX_IMPORT_FILE_BYTES) {
            report.rejected.push({
              file: file.name,
              message: `${file.size} bytes is more than the 32 MiB limit per file`,
            });
            continue;
          }
          const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
          const result = await api['documents:import']({ files: [{ name: file.name, dataBase64 }] });
          if (!result.ok) report.rejected.push({ file: file.name, message: result.error.message });
          else {
            report.imported.push(...result.value.imported);
            report.duplicates.push(...result.value.duplicates);
            report.rejected.push(...result.value.rejected);
          }
        }
      } finally {
        importing.set(false);
      }
      applySummaries(report.imported);
      notice.set({ kind: 'import', report });
      return report;
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
      else if (event.kind === 'annotations-changed') applySummaries([event.summary]);
      else if (event.kind === 'workspace-changed') void load();
    },
  };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
