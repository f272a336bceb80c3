// Tests of the migration machinery (src/main): steps run in order from the file's version to the current one,
// files from a newer build are refused, and every version below the current one has a step.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocId } from '@shared/model';
import { openWorkspace } from './workspace-store';
import {
  NewerSchemaError,
  documentMigrations,
  migrate,
  needsMigration,
  workspaceMigrations,
  type MigrationTable,
} from './migrations';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

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

describe('stored files of older versions', () => {
  it('opens a version 1 workspace written by an earlier build, backs it up and drops the local analyst', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tagwright-migrate-'));
    try {
      await mkdir(join(dir, 'documents'));
      await copyFile(fixture('workspace-v1.json'), join(dir, 'workspace.json'));
      const doc = JSON.parse(await readFile(fixture('document-v1.json'), 'utf8')) as { id: string };
      await copyFile(fixture('document-v1.json'), join(dir, 'documents', `${doc.id}.json`));
      const store = await openWorkspace(dir, { owner: 'test' });
      expect(store.workspace()).toMatchObject({
        schemaVersion: 2,
        annotators: [{ id: 'dana', name: 'Dana' }],
      });
      expect(store.workspace()).not.toHaveProperty('localAnnotatorId');
      expect(store.problems).toEqual([]);
      expect((await store.readDocument(doc.id as DocId)).layers['dana']!.spans.length).toBeGreaterThan(0);
      await store.close();
      const onDisk = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(onDisk['schemaVersion']).toBe(2);
      expect(await readdir(join(dir, 'backups', 'workspace'))).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
