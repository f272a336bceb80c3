// The forced-kill loop (src/main): a child process saves as fast as it can (whole files and journal appends,
// with frequent compactions) and is SIGKILLed at random moments; afterwards every file must parse (a journal
// may end in one torn line) and every save the child saw acknowledged must be on disk.
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentRecordSchema, workspaceFileSchema } from '@shared/model';
import { parseJournal } from './journal-file';
import { openWorkspace } from './workspace-store';
import { startStoreChild } from './test-support/child-process';
import { aliceSpans, docId, makeTempDir, removeDir } from './test-support/fixtures';

const KILLS = 10;
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

/** The highest acknowledged revision per document id, from `ack <id> <revision>` lines. */
function acknowledged(lines: readonly string[], into: Map<string, number>): void {
  for (const line of lines) {
    const match = /^ack (\S+) (\d+)$/.exec(line);
    if (match) into.set(match[1] as string, Math.max(Number(match[2]), into.get(match[1] as string) ?? -1));
  }
}

describe('a writer killed at random moments', () => {
  it('never loses an acknowledged save, and leaves only files that parse and an index that counts right', async () => {
    const acks = new Map<string, number>();
    for (let round = 0; round < KILLS; round += 1) {
      const child = startStoreChild(['updates', dir]);
      try {
        await child.waitForLine(/^ack /);
        await sleep(Math.floor(Math.random() * 300));
      } finally {
        await child.kill();
      }
      acknowledged(child.lines, acks);
      // The child is dead for sure; remove its lock instead of waiting out the stale period (tested elsewhere).
      await rm(join(dir, '.lock'), { recursive: true, force: true });
    }
    expect(acks.get('main')).toBeGreaterThan(0);

    const store = await openWorkspace(dir, { owner: 'test', readOnly: true });
    expect(store.problems).toEqual([]);
    for (const [id, revision] of acks) {
      const doc = await store.readDocument(docId(id));
      expect(doc.revision, `document ${id}`).toBeGreaterThanOrEqual(revision);
      if (id === 'main') expect(aliceSpans(doc)).toHaveLength(doc.revision);
    }
    const names = await readdir(join(dir, 'documents'));
    const files = names.filter((name) => name.endsWith('.json'));
    for (const name of files) {
      const doc = documentRecordSchema.parse(
        JSON.parse(await readFile(join(dir, 'documents', name), 'utf8')),
      );
      // The file may be older than the journal replayed on top of it, never newer.
      const listed = store.documents().find((d) => d.id === doc.id);
      expect(listed?.revision).toBeGreaterThanOrEqual(doc.revision);
      expect((await store.readDocument(doc.id)).revision).toBe(listed?.revision);
    }
    for (const name of names.filter((n) => n.endsWith('.journal'))) {
      const path = join(dir, 'documents', name);
      const bytes = await readFile(path);
      expect(() => parseJournal(path, bytes)).not.toThrow();
    }
    expect(store.documents()).toHaveLength(files.length);
    workspaceFileSchema.parse(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')));
    await store.close();

    // A writable open cleans up what the killed writers left behind.
    const writer = await openWorkspace(dir, { owner: 'test' });
    await writer.close();
    const leftovers = (await readdir(dir, { recursive: true })).map(String).filter((n) => n.endsWith('.tmp'));
    expect(leftovers.filter((n) => !n.startsWith('backups'))).toEqual([]);
  }, 180_000);
});
