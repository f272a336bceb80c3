// Turns imported files into stored documents (src/main). Each file is parsed completely before anything is
// written, so a malformed file imports nothing; texts already in the workspace (same sha256 of the canonical
// text) are reported as duplicates instead of being stored twice.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportReport } from '@shared/api';
import type { DocId, DocumentRecord } from '@shared/model';
import { importFile, type DocumentDraft } from '@shared/formats/import';
import { sha256Hex } from '../store/validation';
import type { WorkspaceStore } from '../store/workspace-store';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export { sha256Hex };

export function newDocId(): DocId {
  return `d${randomUUID().replace(/-/g, '').slice(0, 16)}` as DocId;
}

export async function importDocuments(
  store: WorkspaceStore,
  files: IncomingFile[],
  now: () => Date = () => new Date(),
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], rejected: [] };
  const seen = new Map<string, { id: string; title: string }>();
  for (const file of files) {
    const name = basename(file.name);
    const outcome = importFile(name, file.bytes);
    if (!outcome.ok) {
      report.rejected.push({
        file: name,
        message: outcome.message,
        ...(outcome.line ? { line: outcome.line } : {}),
      });
      continue;
    }
    const fresh: DocumentRecord[] = [];
    for (const draft of outcome.documents) {
      const sha256 = sha256Hex(draft.text);
      const existing = store.findBySha256(sha256) ?? seen.get(sha256);
      if (existing !== undefined) {
        report.duplicates.push({
          file: name,
          title: draft.title,
          existingId: existing.id,
          existingTitle: existing.title,
        });
        continue;
      }
      const record = toRecord(draft, sha256, now().toISOString());
      seen.set(sha256, { id: record.id, title: record.title });
      fresh.push(record);
    }
    report.imported.push(...(await createAll(store, fresh)));
  }
  return report;
}

/** Writes documents a few at a time: each write is durable on its own, and the index writes merge. */
async function createAll(store: WorkspaceStore, records: DocumentRecord[], parallel = 8) {
  const summaries: Awaited<ReturnType<WorkspaceStore['createDocument']>>[] = [];
  for (let i = 0; i < records.length; i += parallel) {
    summaries.push(
      ...(await Promise.all(records.slice(i, i + parallel).map((r) => store.createDocument(r)))),
    );
  }
  return summaries;
}

function toRecord(draft: DocumentDraft, sha256: string, importedAt: string): DocumentRecord {
  return {
    schemaVersion: 1,
    id: newDocId(),
    title: draft.title,
    text: draft.text,
    sha256,
    meta: draft.meta,
    import: { ...draft.import, importedAt },
    status: {},
    layers: {},
    comments: [],
    rejectedSuggestions: [],
    revision: 0,
  };
}
