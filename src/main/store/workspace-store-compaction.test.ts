// Compaction under failure (src/main): every file-system call a compaction makes is failed in turn; whatever
// step fails, a process that dies right then loses no acknowledged save and leaves nothing half-written, and
// the store that saw the failure keeps saving correctly.
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationOp, AnnotatorId, LayerId } from '@shared/model';
import { nodeFileIO, type FileIO } from './file-io';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { osError } from './test-support/faulty-io';
import { docId, makeDocument, makeTempDir, removeDir, testLabelSchema } from './test-support/fixtures';

const MUTATING = ['writeFileSynced', 'appendSynced', 'rename', 'fsyncDir', 'unlink', 'copyFile'] as const;

/** nodeFileIO whose `failAt`-th mutating call after `arm` throws EIO (a write leaves half its data behind). */
function countingIO(): { io: FileIO; arm(failAt: number): void; calls(): string[] } {
  let failAt = 0;
  const seen: string[] = [];
  const io: FileIO = { ...nodeFileIO };
  for (const name of MUTATING) {
    const real = nodeFileIO[name] as (path: string, data: string) => Promise<void>;
    (io as unknown as Record<string, unknown>)[name] = async (path: string, data: string) => {
      if (failAt > 0) {
        seen.push(name);
        if (seen.length === failAt) {
          if (name === 'writeFileSynced' || name === 'appendSynced')
            await real(path, data.slice(0, data.length >> 1));
          throw osError('EIO', name, path);
        }
      }
      return real(path, data);
    };
  }
  return {
    io,
    arm(at) {
      failAt = at;
      seen.length = 0;
    },
    calls: () => [...seen],
  };
}

const A = docId('a');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

function tag(store: WorkspaceStore, n: number) {
  const op = {
    kind: 'add-span',
    span: { id: `s${n}`, label: 'claim', start: n, end: n + 3 },
  } as AnnotationOp;
  return store.applyAnnotations(A, {
    layer: 'alice' as LayerId,
    ops: [op],
    by: 'alice' as AnnotatorId,
    at: '2026-02-02T00:00:00.000Z',
  });
}

async function seen(dir: string) {
  const reader = await openWorkspace(dir, { owner: 'test', readOnly: true });
  try {
    return { problems: reader.problems, doc: await reader.readDocument(A) };
  } finally {
    await reader.close();
  }
}

describe('a compaction whose n-th file-system call fails', () => {
  it('loses no acknowledged save, leaves nothing half-written, and the store keeps saving', async () => {
    const failedSteps: string[] = [];
    for (let failAt = 1; failAt < 20; failAt += 1) {
      const dir = await makeTempDir();
      dirs.push(dir);
      const { io, arm, calls } = countingIO();
      const store = await openWorkspace(dir, {
        owner: 'test',
        io,
        createWith: { labelSchema: testLabelSchema },
        backupIntervalMinutes: 0,
        compaction: { idleMs: 60_000 },
      });
      await store.createDocument(makeDocument('a'));
      await tag(store, 1);
      await tag(store, 2);
      const acknowledged = await store.readDocument(A);
      arm(failAt);
      const failure = await store.compact(A).then(
        () => null,
        (error: unknown) => error,
      );
      if (failure === null) {
        expect(calls().length, 'every call of a compaction was failed once').toBeLessThan(failAt);
        await store.close();
        break;
      }
      failedSteps.push(calls()[failAt - 1] as string);
      expect(failure).toMatchObject({ code: 'io-error', message: expect.stringContaining('(EIO)') });
      // A process dying right after the failure: another opens what is on disk.
      expect(await seen(dir)).toEqual({ problems: [], doc: acknowledged });
      arm(0);
      await tag(store, 3);
      const later = await store.readDocument(A);
      expect(later.revision).toBe(acknowledged.revision + 1);
      expect(await seen(dir)).toEqual({ problems: [], doc: later });
      await store.close();
      expect(await seen(dir)).toEqual({ problems: [], doc: later });
      const leftovers = (await readdir(dir, { recursive: true })).map(String);
      expect(leftovers.filter((name) => name.endsWith('.tmp') && !name.startsWith('backups'))).toEqual([]);
    }
    // The backup (copy, rename, folder sync), the new file (temp write, rename, folder sync), then the
    // journal's removal and its folder sync.
    expect(failedSteps).toEqual([
      ...['copyFile', 'rename', 'fsyncDir'],
      ...['writeFileSynced', 'rename', 'fsyncDir'],
      ...['unlink', 'fsyncDir'],
    ]);
  }, 60_000);
});
