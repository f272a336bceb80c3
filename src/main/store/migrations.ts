// Schema migrations for workspace.json and document files, one step from version N to N+1 (src/main).
// Steps run on the raw JSON before validation; the store writes a backup of the file before saving the result.
// Workspace 1 → 2 drops localAnnotatorId (now a user preference); documents are still at version 1.
import { WORKSPACE_SCHEMA_VERSION, documentRecordSchema } from '@shared/model';

export type RawObject = Record<string, unknown>;
export type Migration = (raw: RawObject) => RawObject;

export interface MigrationTable {
  readonly what: string;
  readonly current: number;
  /** steps[N] turns version N into version N + 1. */
  readonly steps: Readonly<Record<number, Migration>>;
}

export const workspaceMigrations: MigrationTable = {
  what: 'workspace',
  current: WORKSPACE_SCHEMA_VERSION,
  steps: {
    // 1 → 2: who works on this machine is each user's preference, not the workspace's (a copied workspace
    // must ask, never write into its first analyst's layer). The analysts themselves stay.
    1: ({ localAnnotatorId: _dropped, ...rest }) => rest,
  },
};

export const documentMigrations: MigrationTable = {
  what: 'document',
  current: documentRecordSchema.shape.schemaVersion.value,
  steps: {},
};

/** The file was written by a newer Tagwright: it must be refused and left untouched. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`schema version ${found} is newer than this build supports (${supported})`);
    this.name = 'NewerSchemaError';
  }
}

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The integer schemaVersion of a raw file, or undefined when it has none (validation will then say so). */
export function schemaVersionOf(raw: unknown): number | undefined {
  if (!isRawObject(raw)) return undefined;
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/** True when `raw` is older than `table.current` and will be changed by `migrate`. */
export function needsMigration(raw: unknown, table: MigrationTable): boolean {
  const version = schemaVersionOf(raw);
  return version !== undefined && version < table.current;
}

/** Brings raw JSON up to the current version; throws NewerSchemaError for files from a newer build. */
export function migrate(raw: unknown, table: MigrationTable): unknown {
  let version = schemaVersionOf(raw);
  if (version === undefined || !isRawObject(raw)) return raw;
  if (version > table.current) throw new NewerSchemaError(version, table.current);
  let value: RawObject = raw;
  while (version < table.current) {
    const step = table.steps[version];
    if (!step) throw new Error(`no migration of the ${table.what} format from schema version ${version}`);
    value = { ...step(value), schemaVersion: version + 1 };
    version += 1;
  }
  return value;
}
