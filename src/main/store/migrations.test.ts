// Tests of the migration machinery (src/main): steps run in order from the file's version to the current one,
// files from a newer build are refused, and every version below the current one has a step.
import { describe, expect, it } from 'vitest';
import {
  NewerSchemaError,
  documentMigrations,
  migrate,
  needsMigration,
  workspaceMigrations,
  type MigrationTable,
} from './migrations';

const table: MigrationTable = {
  what: 'example',
  current: 3,
  steps: {
    1: (raw) => ({ ...raw, renamed: raw['old'], old: undefined }),
    2: (raw) => ({ ...raw, added: true }),
  },
};

describe('migrate', () => {
  it('applies each step from the file version up to the current version', () => {
    expect(migrate({ schemaVersion: 1, old: 'x' }, table)).toEqual({
      schemaVersion: 3,
      renamed: 'x',
      old: undefined,
      added: true,
    });
    expect(needsMigration({ schemaVersion: 1 }, table)).toBe(true);
    expect(needsMigration({ schemaVersion: 3 }, table)).toBe(false);
  });

  it('refuses a file written by a newer build', () => {
    expect(() => migrate({ schemaVersion: 4 }, table)).toThrow(NewerSchemaError);
  });

  it('says which version has no migration step', () => {
    expect(() => migrate({ schemaVersion: 0 }, table)).toThrow(/from schema version 0/);
  });

  it('has a step for every version below the current one in the real tables', () => {
    for (const real of [workspaceMigrations, documentMigrations]) {
      for (let version = 1; version < real.current; version += 1)
        expect(real.steps[version]).toBeTypeOf('function');
    }
  });
});
