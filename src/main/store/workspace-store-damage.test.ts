// Tests of damaged and foreign files (src/main): a damaged document is quarantined byte for byte and fenced off
// while the rest of the workspace opens; a damaged or newer workspace.json refuses to open and stays untouched.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerId } from '@shared/model';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import {
  addSpan,
  docId,
  makeDocument,
  makeSeededWorkspace,
  removeDir,
  testLabelSchema,
} from './test-support/fixtures';

let dir: string;
const open: WorkspaceStore[] = [];

async function openStore(readOnly = false): Promise<WorkspaceStore> {
  const store = await openWorkspace(dir, { owner: 'test', readOnly });
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await makeSeededWorkspace();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await removeDir(dir);
});

const fileOf = (id: string): string => join(dir, 'documents', `${id}.json`);

interface WorkspaceJson {
  annotators: { id: string; name: string }[];
  labelSchema: { labels: { id: string }[] };
}

describe('a damaged document file', () => {
  it('is quarantined byte-identically, left in place, listed in problems, and the others still open', async () => {
    const good = await readFile(fileOf('b'), 'utf8');
    const damaged = Buffer.from(good.slice(0, 150));
    await writeFile(fileOf('b'), damaged);
    const store = await openStore();
    expect(store.problems).toHaveLength(1);
    const [problem] = store.problems;
    expect(problem).toMatchObject({
      file: 'documents/b.json',
      reason: expect.stringMatching(/^not valid JSON \(.+\)$/),
      quarantinedAs: expect.stringMatching(/^quarantine\/documents\/b\..+\.json$/),
      lastBackup: expect.stringMatching(/^backups\/documents\/b\/.+\.json$/),
    });
    expect(await readFile(join(dir, problem?.quarantinedAs ?? ''))).toEqual(damaged);
    expect(await readFile(fileOf('b'))).toEqual(damaged);
    expect((await store.readDocument(docId('a'))).id).toBe('a');
    expect((await store.readDocument(docId('c'))).id).toBe('c');
    expect(store.documents().map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses reads and writes with document-damaged and refuses re-creating it with conflict', async () => {
    await writeFile(fileOf('b'), '{"schemaVersion":1,');
    const store = await openStore();
    await expect(store.readDocument(docId('b'))).rejects.toMatchObject({ code: 'document-damaged' });
    await expect(store.updateDocument(docId('b'), (d) => addSpan(d, 2))).rejects.toMatchObject({
      code: 'document-damaged',
      message: expect.stringContaining('documents/b.json'),
    });
    await expect(store.createDocument(makeDocument('b'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(fileOf('b'), 'utf8')).toBe('{"schemaVersion":1,');
  });

  it('names the exact field that fails the schema', async () => {
    const doc = JSON.parse(await readFile(fileOf('b'), 'utf8')) as {
      layers: { alice: { spans: { start: unknown }[] } };
    };
    (doc.layers.alice.spans[0] as { start: unknown }).start = 'three';
    await writeFile(fileOf('b'), JSON.stringify(doc));
    const store = await openStore();
    expect(store.problems[0]?.reason).toBe('"layers.alice.spans.0.start": expected number, received string');
  });

  it('with absurdly deep nesting is reported as damaged without crashing the open', async () => {
    const doc = JSON.parse(await readFile(fileOf('c'), 'utf8')) as Record<string, unknown>;
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    await writeFile(fileOf('c'), JSON.stringify(doc).replace('"meta":{', `"meta":{"deep":${deep},`));
    const store = await openStore();
    expect(store.problems[0]).toMatchObject({
      file: 'documents/c.json',
      reason: expect.stringContaining('"meta.deep"'),
    });
  });

  it('is not copied to quarantine a second time when the workspace is reopened', async () => {
    await writeFile(fileOf('c'), 'not json');
    await (await openStore()).close();
    const store = await openStore();
    expect(store.problems).toHaveLength(1);
    expect(await readdir(join(dir, 'quarantine', 'documents'))).toHaveLength(1);
  });

  it('is reported but not quarantined when the workspace is opened read-only', async () => {
    await writeFile(fileOf('c'), 'not json');
    const store = await openStore(true);
    expect(store.problems[0]).toMatchObject({ file: 'documents/c.json', quarantinedAs: '' });
    expect(await readdir(join(dir, 'quarantine'))).toEqual([]);
  });
});

describe('a document file that is valid JSON but semantically damaged', () => {
  async function damage(id: string, change: (doc: DamageableDocument) => void): Promise<Buffer> {
    const doc = JSON.parse(await readFile(fileOf(id), 'utf8')) as DamageableDocument;
    change(doc);
    const bytes = Buffer.from(JSON.stringify(doc));
    await writeFile(fileOf(id), bytes);
    return bytes;
  }

  it('with a span past the end of the text is quarantined byte-identically and named by its field', async () => {
    const bytes = await damage('b', (doc) => (doc.layers.alice.spans[0]!.end = doc.text.length + 1));
    const length = JSON.parse(bytes.toString('utf8')).text.length as number;
    const store = await openStore();
    expect(store.problems).toMatchObject([
      {
        file: 'documents/b.json',
        reason: `"layers.alice.spans.0.end": ${length + 1} is past the end of the text (length ${length})`,
        quarantinedAs: expect.stringMatching(/^quarantine\/documents\/b\./),
      },
    ]);
    expect(await readFile(join(dir, store.problems[0]!.quarantinedAs))).toEqual(bytes);
    await expect(store.readDocument(docId('b'))).rejects.toMatchObject({ code: 'document-damaged' });
    await expect(store.updateDocument(docId('b'), (d) => addSpan(d, 2))).rejects.toMatchObject({
      code: 'document-damaged',
    });
    await store.close();
    expect(await readFile(fileOf('b'))).toEqual(bytes);
  });

  it.each<[string, (doc: DamageableDocument) => void, string]>([
    ['a sha256 that is not the hash of the text', (doc) => (doc.sha256 = '0'.repeat(64)), '"sha256"'],
    [
      'a label the workspace schema does not know',
      (doc) => (doc.layers.alice.spans[0]!.label = 'villain'),
      'unknown label',
    ],
    ['a quote that is not the text', (doc) => (doc.layers.alice.spans[0]!.quote = 'nope'), '.quote"'],
  ])('with %s is listed in problems', async (_name, change, reason) => {
    await damage('b', change);
    const store = await openStore();
    expect(store.problems).toMatchObject([
      { file: 'documents/b.json', reason: expect.stringContaining(reason) },
    ]);
    expect(store.documents().map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('is found when a document dropped from memory is read from its file again', async () => {
    const store = await openWorkspace(dir, { owner: 'test', maxCachedDocuments: 1 });
    open.push(store);
    await store.readDocument(docId('a'));
    await damage('b', (doc) => (doc.layers.alice.spans[0]!.start = 9999));
    await expect(store.readDocument(docId('b'))).rejects.toMatchObject({
      code: 'document-damaged',
      message: expect.stringContaining('"layers.alice.spans.0'),
    });
    expect(store.problems).toHaveLength(1);
  });

  it('is refused by createDocument with invalid-request naming the field, and nothing is written', async () => {
    const store = await openStore();
    const doc = makeDocument('d');
    addSpan(doc, 1);
    doc.layers['alice' as LayerId]!.spans[0]!.quote = 'wrong';
    await expect(store.createDocument(doc)).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('"layers.alice.spans.0.quote"'),
    });
    expect(await readdir(join(dir, 'documents'))).not.toContain('d.json');
  });
});

interface DamageableDocument {
  text: string;
  sha256: string;
  layers: { alice: { spans: { start: number; end: number; label: string; quote: string }[] } };
}

describe('a document file whose layer ids are names of Object.prototype members', () => {
  it('keeps a "__proto__" and a "constructor" layer as ordinary layers and counts their spans', async () => {
    const doc = JSON.parse(await readFile(fileOf('b'), 'utf8')) as { layers: Record<string, unknown> };
    const layer = JSON.stringify(doc.layers['alice']);
    doc.layers = JSON.parse(`{"constructor":${layer},"__proto__":${layer}}`) as Record<string, unknown>;
    await writeFile(fileOf('b'), JSON.stringify(doc));
    const store = await openStore();
    expect(store.problems).toEqual([]);
    const read = await store.readDocument(docId('b'));
    expect(Object.keys(read.layers)).toEqual(['constructor', '__proto__']);
    const summary = store.documents().find((d) => d.id === 'b');
    expect(Object.keys(summary?.spanCounts ?? {})).toEqual(['constructor', '__proto__']);
  });
});

describe('a damaged workspace.json', () => {
  it('fails the open with workspace-damaged naming the file, the reason and the backup, and stays byte-identical', async () => {
    const path = join(dir, 'workspace.json');
    const damaged = (await readFile(path)).subarray(0, 40);
    await writeFile(path, damaged);
    const error = await openWorkspace(dir, { owner: 'test' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'workspace-damaged',
      message: expect.stringContaining(path),
      details: {
        reason: expect.stringMatching(/^not valid JSON/),
        lastBackup: expect.stringContaining('backups'),
      },
    });
    expect(await readFile(path)).toEqual(damaged);
    const [copy] = await readdir(join(dir, 'quarantine'));
    expect(await readFile(join(dir, 'quarantine', copy ?? ''))).toEqual(damaged);
    // The failed open released its lock: a second try fails the same way, not with workspace-locked.
    await expect(openWorkspace(dir, { owner: 'test' })).rejects.toMatchObject({ code: 'workspace-damaged' });
  });

  it.each([
    [
      'names one analyst twice',
      (ws: WorkspaceJson) => ws.annotators.push({ id: 'dana', name: 'Dana' }, { id: 'dana', name: 'Dana B' }),
      /"annotators.1.id": "dana" is also the id of annotators.0/,
    ],
    [
      'gives an analyst the id of the gold layer',
      (ws: WorkspaceJson) => ws.annotators.push({ id: 'gold', name: 'Goldie' }),
      /"annotators.0.id": "gold" is the adjudicated layer/,
    ],
    [
      'defines one label twice',
      (ws: WorkspaceJson) => ws.labelSchema.labels.push({ ...ws.labelSchema.labels[0]! }),
      /"labelSchema.labels.\d+.id": "\w+" is also the id of labelSchema.labels.0/,
    ],
  ])(
    'that %s is refused as damaged, named and quarantined, though it is valid JSON',
    async (_what, damage, reason) => {
      const path = join(dir, 'workspace.json');
      const ws = JSON.parse(await readFile(path, 'utf8')) as WorkspaceJson;
      damage(ws);
      const damaged = Buffer.from(JSON.stringify(ws));
      await writeFile(path, damaged);
      const error = await openWorkspace(dir, { owner: 'test' }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'workspace-damaged',
        details: { reason: expect.stringMatching(reason) },
      });
      expect(await readFile(path)).toEqual(damaged);
      const [copy] = await readdir(join(dir, 'quarantine'));
      expect(await readFile(join(dir, 'quarantine', copy ?? ''))).toEqual(damaged);
    },
  );

  it('is never replaced by a new workspace even when createWith is given', async () => {
    const path = join(dir, 'workspace.json');
    await writeFile(path, '{"schemaVersion":1,"documents":"many"}');
    await expect(
      openWorkspace(dir, { owner: 'test', createWith: { labelSchema: testLabelSchema } }),
    ).rejects.toMatchObject({ code: 'workspace-damaged' });
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion":1,"documents":"many"}');
  });
});

describe('a workspace.json from a newer Tagwright', () => {
  it('is refused with a clear message and left untouched', async () => {
    const path = join(dir, 'workspace.json');
    const ws = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const newer = JSON.stringify({ ...ws, schemaVersion: 3, somethingNew: true });
    await writeFile(path, newer);
    await expect(openWorkspace(dir, { owner: 'test' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/newer Tagwright \(schema version 3; this build reads up to 2\)/),
    });
    expect(await readFile(path, 'utf8')).toBe(newer);
    expect(await readdir(join(dir, 'quarantine'))).toEqual([]);
  });
});
