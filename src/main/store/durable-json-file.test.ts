// Tests of the durable lowdb adapter (src/main): atomic replace, no leftover temp files, typed read errors.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile, JsonFileError } from './durable-json-file';
import { nodeFileIO } from './file-io';
import { faultyIO, type Fault } from './test-support/faulty-io';
import { makeTempDir, removeDir } from './test-support/fixtures';

interface Note {
  text: string;
  count: number;
}

function decodeNote(raw: unknown): Note {
  const note = raw as Partial<Note>;
  if (typeof note.text !== 'string' || typeof note.count !== 'number')
    throw new Error('"count": expected number');
  return { text: note.text, count: note.count };
}

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

function adapter(path: string, io = nodeFileIO, maxBytes = 1024 * 1024): DurableJsonFile<Note> {
  return new DurableJsonFile<Note>(path, { io, maxBytes, decode: decodeNote });
}

describe('DurableJsonFile', () => {
  it('writes through lowdb, leaves no temp files, and reads the same data after reopening', async () => {
    const path = join(dir, 'note.json');
    const db = new Low<Note>(adapter(path), { text: 'a', count: 0 });
    for (let i = 1; i <= 20; i += 1) {
      db.data = { text: 'a', count: i };
      await db.write();
    }
    expect(await readdir(dir)).toEqual(['note.json']);
    const reopened = new Low<Note>(adapter(path), { text: '', count: -1 });
    await reopened.read();
    expect(reopened.data).toEqual({ text: 'a', count: 20 });
  });

  it('reads null for a missing file so lowdb keeps its defaults', async () => {
    expect(await adapter(join(dir, 'absent.json')).read()).toBeNull();
  });

  it('throws a JsonFileError naming the JSON problem for a truncated file', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, '{"text":"a","cou');
    const error = await adapter(path)
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonFileError);
    expect((error as JsonFileError).kind).toBe('invalid-json');
    expect((error as JsonFileError).reason).toMatch(/^not valid JSON \(.+\)$/);
  });

  it('throws a JsonFileError with the decoder message for valid JSON of the wrong shape', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, '{"text":"a","count":"three"}');
    await expect(adapter(path).read()).rejects.toMatchObject({
      kind: 'invalid-content',
      reason: '"count": expected number',
    });
  });

  it('refuses a file larger than its size limit before parsing it', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, JSON.stringify({ text: 'x'.repeat(5000), count: 1 }));
    await expect(adapter(path, nodeFileIO, 1000).read()).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('keeps the previous file and removes its temp file when the write fails', async () => {
    const path = join(dir, 'note.json');
    await adapter(path).write({ text: 'old', count: 1 });
    const before = await readFile(path);
    for (const fault of [
      { op: 'writeFileSynced', code: 'ENOSPC' },
      { op: 'rename', code: 'EIO' },
    ] satisfies Fault[]) {
      const failing = adapter(path, faultyIO([fault]));
      await expect(failing.write({ text: 'new', count: 2 })).rejects.toMatchObject({ code: fault.code });
      expect(await readFile(path)).toEqual(before);
      expect(await readdir(dir)).toEqual(['note.json']);
    }
  });
});
