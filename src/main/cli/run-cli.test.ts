// The command-line interface imports files into a workspace and reports each file's fate; a malformed file
// imports nothing and makes the command fail; a workspace held by another process is refused by name.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../store/workspace-store';
import { loadDefaultLabelSchema } from '../service/open-workbench';
import { runCli } from './run-cli';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagwright-cli-'));
  out = [];
  err = [];
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('tagwright serve', () => {
  it('says plainly when the port is taken, and leaves the workspace unlocked', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const code = await runCli(['serve', '--workspace', join(dir, 'ws'), '--port', String(port)], io);
      expect(code).toBe(2);
      expect(err.join('\n')).toContain(`Port ${port} is already in use`);
      const store = await openWorkspace(join(dir, 'ws'), { owner: 'test' });
      await store.close();
    } finally {
      blocker.close();
    }
  });
});

describe('tagwright import', () => {
  it('imports text, Markdown and HTML files and says what it imported', async () => {
    const files = [
      await file('a.txt', 'Plain text article.\r\n'),
      await file('b.md', '# Markdown title\n\nBody text.'),
      await file(
        'c.html',
        '<html><head><title>Web page</title><script>alert(1)</script></head><body><p>Hello</p></body></html>',
      ),
    ];
    const code = await runCli(['import', '--workspace', join(dir, 'ws'), ...files], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('3 imported, 0 duplicates, 0 rejected');
    const store = await openWorkspace(join(dir, 'ws'), { owner: 'test', readOnly: true });
    expect(store.documents().map((d) => d.title)).toEqual(['a', 'Markdown title', 'Web page']);
    const html = await store.readDocument(store.documents()[2]!.id);
    expect(html.text).toBe('Hello');
  });

  it('fails and imports nothing from a JSONL file with a bad line, naming the line', async () => {
    const corpus = await file('corpus.jsonl', '{"text":"one"}\n{"text": 5}\n');
    const code = await runCli(['import', '--workspace', join(dir, 'ws'), corpus], io);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/corpus\.jsonl: line 2/);
    const store = await openWorkspace(join(dir, 'ws'), { owner: 'test', readOnly: true });
    expect(store.documents()).toEqual([]);
  });

  it('refuses a file over the size limit from its size alone, without reading it', async () => {
    const big = join(dir, 'huge.txt');
    await writeFile(big, '');
    await truncate(big, 3 * 1024 ** 3); // sparse: 3 GiB that take no disk space
    const small = await file('small.txt', 'Small text.');
    const code = await runCli(['import', '--workspace', join(dir, 'ws'), big, small], io);
    expect(code).toBe(1);
    expect(err).toEqual(['rejected  huge.txt: the file is 3072 MB; Tagwright imports files up to 32 MB']);
    expect(out.join('\n')).toContain('1 imported, 0 duplicates, 1 rejected');
  });

  it('names a file that cannot be read instead of failing with a stack', async () => {
    const code = await runCli(['import', '--workspace', join(dir, 'ws'), join(dir, 'missing.txt')], io);
    expect(code).toBe(1);
    expect(err).toEqual(['rejected  missing.txt: the file could not be read (ENOENT: it does not exist)']);
  });

  it('refuses to write a workspace another process holds, and says who holds it', async () => {
    const holder = await openWorkspace(join(dir, 'ws'), {
      owner: 'serve',
      createWith: { labelSchema: loadDefaultLabelSchema() },
    });
    try {
      const code = await runCli(['import', '--workspace', join(dir, 'ws'), await file('a.txt', 'Text.')], io);
      expect(code).toBe(1);
      expect(err.join('\n')).toMatch(/workspace-locked.*serve/s);
    } finally {
      await holder.close();
    }
  });

  it('prints usage for an unknown command or a missing file list', async () => {
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toContain('Unknown command "frobnicate"');
    expect(await runCli(['import', '--workspace', dir], io)).toBe(2);
    expect(err.join('\n')).toContain('Name at least one file to import.');
  });
});
