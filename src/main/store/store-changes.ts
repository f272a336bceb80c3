// The checked new state a store change makes (src/main, pure): settings, an updated document, a new one,
// each from a `mutate` applied to a copy and refused with invalid-request naming what is wrong. Shared by the
// single changes and the batches of store-state.ts, so both check alike. Documents are copied and checked in
// slices (sliced-document.ts): a large import's document must not hold every request up.
import { WorkbenchError } from '@shared/api/result';
import { WORKSPACE_SCHEMA_VERSION, type DocumentRecord, type WorkspaceFile } from '@shared/model';
import { documentCopy, inSlices } from './sliced-document';
import { changedImmutableField, checkDocument, checkWorkspace, type DocumentCheckSteps } from './validation';

/** The settings `mutate` makes of a copy of `current` (the schema version is not its to change). */
export function settingsAfter(current: WorkspaceFile, mutate: (draft: WorkspaceFile) => void): WorkspaceFile {
  const draft = structuredClone(current);
  mutate(draft);
  if (draft.schemaVersion !== WORKSPACE_SCHEMA_VERSION)
    throw new WorkbenchError('invalid-request', 'updateWorkspace cannot change schemaVersion.');
  return draft;
}

export function checkedWorkspace(draft: WorkspaceFile): WorkspaceFile {
  const checked = checkWorkspace(draft);
  if (!checked.ok)
    throw new WorkbenchError('invalid-request', `The workspace change is not valid: ${checked.reason}`);
  return checked.ws;
}

/** The document `mutate` makes of a copy of `current`, at the next revision. */
export async function documentAfter(
  current: DocumentRecord,
  mutate: (draft: DocumentRecord) => void,
): Promise<DocumentRecord> {
  const id = current.id;
  const draft = await documentCopy(current);
  mutate(draft);
  const changed = changedImmutableField(current, draft);
  if (changed) {
    throw new WorkbenchError(
      'invalid-request',
      `updateDocument cannot change "${changed}" of document "${id}".`,
    );
  }
  draft.revision = current.revision + 1;
  const checked = await checkDocument(draft);
  if (!checked.ok) {
    throw new WorkbenchError(
      'invalid-request',
      `The change to document "${id}" is not valid: ${checked.reason}`,
    );
  }
  return checked.doc;
}

/** The parsed copy of a document about to be created, checked semantically against `documentCheck`. */
export async function checkedNewDocument(
  doc: DocumentRecord,
  documentCheck: DocumentCheckSteps,
): Promise<DocumentRecord> {
  const checked = await checkDocument(doc);
  const reason = checked.ok ? await inSlices(documentCheck(checked.doc)) : checked.reason;
  if (!checked.ok || reason !== null)
    throw new WorkbenchError('invalid-request', `The document "${doc.id}" is not valid: ${reason}`);
  return checked.doc;
}

/** For people: "2 updated documents, 3 new documents and workspace.json". */
export function describeBatch(
  updated: number,
  created: readonly DocumentRecord[],
  workspace: boolean,
): string {
  const parts: string[] = [];
  if (updated > 0) parts.push(`${updated} updated document${updated === 1 ? '' : 's'}`);
  if (created.length === 1) parts.push(`documents/${created[0]?.id}.json`);
  else if (created.length > 1) parts.push(`${created.length} new documents`);
  if (workspace) parts.push('workspace.json');
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');
}
