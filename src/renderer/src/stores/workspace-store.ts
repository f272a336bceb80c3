// The renderer's view of the workspace (src/renderer/stores): label schema, analyst, document list and
// notices (import reports, errors). Only stores call the api; components call these actions.
import { MAX_IMPORT_FILE_BYTES, type ApiError, type ImportReport, type WorkspaceView } from '@shared/api';
import type { DocId, DocumentStatus, DocumentSummary } from '@shared/model';
import { api } from '../api/client';
import { observable } from './observable';

export type Notice = { kind: 'import'; report: ImportReport } | { kind: 'error'; message: string };

export type WorkspacePhase =
  { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; view: WorkspaceView };

const phase = observable<WorkspacePhase>({ kind: 'loading' });
const notice = observable<Notice | null>(null);
const importing = observable(false);

function ready(): WorkspaceView | null {
  const current = phase.get();
  return current.kind === 'ready' ? current.view : null;
}

function patchView(change: (view: WorkspaceView) => WorkspaceView): void {
  const view = ready();
  if (view !== null) phase.set({ kind: 'ready', view: change(view) });
}

async function load(): Promise<void> {
  const result = await api['workspace:get']({});
  phase.set(result.ok ? { kind: 'ready', view: result.value } : { kind: 'failed', error: result.error });
}

async function setLocalAnnotator(name: string): Promise<string | null> {
  const result = await api['annotator:set-local']({ name });
  if (!result.ok) return result.error.message;
  phase.set({ kind: 'ready', view: result.value });
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Imports each file in its own request, so one malformed file never blocks (or half-imports) the others. */
async function importFiles(files: readonly File[]): Promise<ImportReport> {
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
  if (report.imported.length > 0)
    patchView((view) => ({ ...view, documents: [...view.documents, ...report.imported] }));
  notice.set({ kind: 'import', report });
  return report;
}

function applySummary(summary: DocumentSummary): void {
  patchView((view) => ({
    ...view,
    documents: view.documents.map((doc) => (doc.id === summary.id ? summary : doc)),
  }));
}

async function setStatus(docId: DocId, status: DocumentStatus): Promise<void> {
  const annotator = ready()?.localAnnotator;
  if (annotator === null || annotator === undefined) return;
  const result = await api['document:set-status']({ docId, annotator: annotator.id, status });
  if (result.ok) applySummary(result.value);
  else notice.set({ kind: 'error', message: result.error.message });
}

function labelSchema() {
  return ready()?.labelSchema ?? null;
}

export const workspaceStore = {
  labelSchema,
  phase,
  notice,
  importing,
  load,
  setLocalAnnotator,
  importFiles,
  applySummary,
  setStatus,
  notify: (next: Notice) => notice.set(next),
  dismissNotice: () => notice.set(null),
};
