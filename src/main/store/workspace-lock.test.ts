// Tests of the single-writer lock (src/main): a second open is refused naming the holder, the workspace opens
// again after close, and the lock of a killed process goes stale and is taken over.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { startStoreChild } from './test-support/child-process';
import { docId, makeDocument, makeTempDir, removeDir, testLabelSchema } from './test-support/fixtures';

let dir: string;
const open: WorkspaceStore[] = [];

async function openStore(
  options: { readOnly?: boolean; staleLockMs?: number } = {},
): Promise<WorkspaceStore> {
  const store = await openWorkspace(dir, {
    owner: 'test',
    createWith: { labelSchema: testLabelSchema },
    ...options,
  });
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await removeDir(dir);
});

describe('the workspace lock', () => {
  it('refuses a second open with workspace-locked naming who holds it, and allows it after close', async () => {
    const first = await openStore();
    const error = await openWorkspace(dir, { owner: 'cli' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'workspace-locked',
      message: expect.stringMatching(
        new RegExp(
          `already open in another Tagwright window or command \\(test, pid ${process.pid}, since .+\\)`,
        ),
      ),
    });
    await first.close();
    await expect(openStore()).resolves.toMatchObject({ dir });
  });

  it('lets a read-only open inspect a workspace that another writer holds', async () => {
    await openStore();
    const reader = await openStore({ readOnly: true });
    expect(reader.documents()).toEqual([]);
    await expect(reader.updateWorkspace(() => undefined)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('is taken over at once when its holder on this machine was killed', async () => {
    const child = startStoreChild(['hold', dir, '60000']);
    try {
      await child.waitForLine(/^ready$/);
      await child.kill();
      // The lock itself stays fresh for a minute; the dead pid on this host is what frees it.
      await expect(openStore({ staleLockMs: 60_000 })).resolves.toBeDefined();
    } finally {
      await child.kill();
    }
  });

  it('is taken over only after the stale period when its holder ran on another machine', async () => {
    const child = startStoreChild(['hold', dir, '2000']);
    try {
      await child.waitForLine(/^ready$/);
      await child.kill();
      const ownerFile = join(dir, '.lock-owner.json');
      const owner = JSON.parse(await readFile(ownerFile, 'utf8')) as Record<string, unknown>;
      await writeFile(ownerFile, JSON.stringify({ ...owner, host: 'another-machine' }));
      await expect(openStore({ staleLockMs: 2000 })).rejects.toMatchObject({
        code: 'workspace-locked',
        message: expect.stringContaining(`pid ${child.process.pid} on another-machine`),
      });
      const started = Date.now();
      let store: WorkspaceStore | null = null;
      while (!store && Date.now() - started < 6000) {
        await sleep(250);
        store = await openStore({ staleLockMs: 2000 }).catch(() => null);
      }
      expect(store).not.toBeNull();
    } finally {
      await child.kill();
    }
  });

  it('turns the store read-only with workspace-locked when the lock is lost while open', async () => {
    const store = await openStore({ staleLockMs: 2000 });
    await store.createDocument(makeDocument('a'));
    await rm(join(dir, '.lock'), { recursive: true });
    const started = Date.now();
    let error: unknown = null;
    while (!error && Date.now() - started < 5000) {
      await sleep(200);
      error = await store
        .updateDocument(docId('a'), () => undefined)
        .then(
          () => null,
          (e: unknown) => e,
        );
    }
    expect(error).toMatchObject({ code: 'workspace-locked', message: expect.stringContaining('was lost') });
    expect((await store.readDocument(docId('a'))).id).toBe('a');
  });
});
