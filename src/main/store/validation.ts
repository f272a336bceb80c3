// Validation of files loaded by the workspace store: size limits, migrations, zod schemas (src/main).
// Every failure becomes a sentence naming the exact place, e.g. `"layers.alice.spans.3.start": expected number`,
// because the user has to decide what to do with a quarantined file.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  documentProblem,
  documentProblemSteps,
  documentRecordSchema,
  workspaceFileSchema,
  workspaceProblem,
  type DocumentRecord,
  type LabelSchema,
  type WorkspaceFile,
} from '@shared/model';
import { documentMigrations, migrate, workspaceMigrations } from './migrations';
import { inSlices, parseDocumentSteps } from './sliced-document';

const MIB = 1024 * 1024;

/** Size caps checked before parsing; together with the schemas they also bound nesting depth. */
export const DEFAULT_LIMITS = {
  documentBytes: 64 * MIB,
  workspaceBytes: 16 * MIB,
} as const;

export interface StoreLimits {
  documentBytes: number;
  workspaceBytes: number;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(whole file)' : `"${path.map((p) => String(p)).join('.')}"`;
}

/** The first schema problem, precisely located, plus how many more there are. */
export function describeZodError(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'does not match the expected format';
  const message = first.message.replace(/^Invalid input: /, '');
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return `${formatPath(first.path)}: ${message}${more}`;
}

/**
 * Migrates and validates a raw workspace.json, its schema and then what the schema cannot say (ids of their
 * own); throws NewerSchemaError or an Error with a precise reason.
 */
export function decodeWorkspace(raw: unknown): WorkspaceFile {
  const result = workspaceFileSchema.safeParse(migrate(raw, workspaceMigrations));
  if (!result.success) throw new Error(describeZodError(result.error));
  const problem = workspaceProblem(result.data);
  if (problem !== null) throw new Error(problem);
  return result.data;
}

/** Hex SHA-256 of a canonical text as UTF-8: how documents are recognised and checked. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The semantic problem of a document that passed its schema, or null (see document-checks.ts). */
export type DocumentCheck = (doc: DocumentRecord) => string | null;

/** Checks documents against the workspace's label schema as it is at the time of the check. */
export function documentCheckFor(labelSchema: () => LabelSchema): DocumentCheck {
  return (doc) => documentProblem(doc, labelSchema(), { sha256: sha256Hex });
}

/** The semantic check as steps a caller may pause between (see sliced-document.ts). */
export type DocumentCheckSteps = (doc: DocumentRecord) => Generator<void, string | null>;

export function documentCheckStepsFor(labelSchema: () => LabelSchema): DocumentCheckSteps {
  return (doc) => documentProblemSteps(doc, labelSchema(), { sha256: sha256Hex });
}

/**
 * Migrates and validates a raw document file whose file name says it holds `expectedId`: its schema, then
 * what the schema cannot say (offsets, quotes, ids, labels, hash), so damage that is valid JSON is found too.
 */
export function decodeDocument(raw: unknown, expectedId: string, check: DocumentCheck): DocumentRecord {
  const result = documentRecordSchema.safeParse(migrate(raw, documentMigrations));
  if (!result.success) throw new Error(describeZodError(result.error));
  if (result.data.id !== expectedId) {
    throw new Error(`"id": the file holds document "${result.data.id}" but is named for "${expectedId}"`);
  }
  const problem = check(result.data);
  if (problem !== null) throw new Error(problem);
  return result.data;
}

/**
 * Checks a document a caller built or changed against its schema, in slices (a large one would block main);
 * returns the parsed copy or the reason it is invalid.
 */
export async function checkDocument(
  value: unknown,
): Promise<{ ok: true; doc: DocumentRecord } | { ok: false; reason: string }> {
  const result = await inSlices(parseDocumentSteps(value));
  return result.success
    ? { ok: true, doc: result.data }
    : { ok: false, reason: describeZodError(result.error) };
}

/** Checks a workspace.json about to be written, as decodeWorkspace checks one that is read. */
export function checkWorkspace(
  value: unknown,
): { ok: true; ws: WorkspaceFile } | { ok: false; reason: string } {
  const result = workspaceFileSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: describeZodError(result.error) };
  const problem = workspaceProblem(result.data);
  return problem === null ? { ok: true, ws: result.data } : { ok: false, reason: problem };
}

const IMMUTABLE_FIELDS = ['id', 'schemaVersion', 'text', 'sha256'] as const;

/** The first field an update may not change (the text is immutable once imported: annotations are standoff). */
export function changedImmutableField(
  current: DocumentRecord,
  draft: DocumentRecord,
): (typeof IMMUTABLE_FIELDS)[number] | undefined {
  return IMMUTABLE_FIELDS.find((field) => draft[field] !== current[field]);
}
