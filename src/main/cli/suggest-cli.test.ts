// `tagwright suggest`: the suggester's proposals become a named layer that export writes out like any other,
// `agreement` scores it against an analyst's, running it again adds nothing, and unknown documents, a missing
// or reserved layer name get one-line reasons.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
const cli = (...args: string[]) => runCli(args, io);

const TEXT =
  'Damascus insists that Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan.\n';

/** A workspace holding one document; resolves to its folder and the document's id. */
async function workspaceWithText(): Promise<{ ws: string; docId: string }> {
  const ws = join(dir, 'ws');
  const file = join(dir, 'syria.txt');
  await writeFile(file, TEXT);
  expect(await cli('import', '--workspace', ws, file)).toBe(0);
  const docId = /id (\S+)\)/.exec(out.join('\n'))?.[1];
  if (docId === undefined) throw new Error(`no document id in ${out.join('\n')}`);
  out = [];
  return { ws, docId };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagwright-cli-s-'));
  out = [];
  err = [];
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

// Each run starts its own worker thread from source and loads the language model there: seconds apiece.
describe('tagwright suggest', { timeout: 180_000 }, () => {
  it('writes the suggestions as a new layer that export writes out, and adds nothing the second time', async () => {
    const { ws, docId } = await workspaceWithText();
    expect(await cli('suggest', '--workspace', ws, '--layer', 'Machine', '--docs', docId)).toBe(0);
    expect(out.join('\n')).toMatch(/new layer Machine \(id machine\)/);
    const added = /(\d+) spans and (\d+) relations added to machine/.exec(out.join('\n'));
    expect(Number(added?.[1])).toBeGreaterThanOrEqual(3);
    expect(Number(added?.[2])).toBe(2);
    const target = join(dir, 'out.ann.zip');
    expect(
      await cli('export', '--workspace', ws, '--format', 'native', '--out', target, '--layers', 'machine'),
    ).toBe(0);
    const exported = readFileSync(target, 'utf8');
    expect(exported).toContain('"label": "claim"');
    expect(exported).toContain('"type": "says"');
    out = [];
    expect(await cli('suggest', '--workspace', ws, '--layer', 'machine')).toBe(0);
    expect(out.join('\n')).toContain('0 spans and 0 relations added to machine');
  });

  it('gives agreement a layer to score against an analyst’s, like any other', async () => {
    await writeFile(join(dir, 'syria.txt'), TEXT);
    await writeFile(join(dir, 'syria.ann'), 'T1\tactor 0 8\tDamascus\n');
    const ws = join(dir, 'ws');
    const brat = [join(dir, 'syria.ann'), join(dir, 'syria.txt')];
    expect(await cli('import', '--workspace', ws, '--format', 'brat', '--layer', 'Lee', ...brat)).toBe(0);
    expect(await cli('suggest', '--workspace', ws, '--layer', 'machine')).toBe(0);
    out = [];
    expect(await cli('agreement', '--workspace', ws, '--layers', 'lee,machine')).toBe(0);
    const report = out.join('\n');
    expect(report).toContain('lee (reference) and machine');
    // Lee tagged one actor, "Damascus"; the suggester found it among its others.
    expect(report).toMatch(/relations .*0 only in lee, [1-9]\d* only in machine/);
    expect(Number(/^actor\s+([\d.]+)/m.exec(report)?.[1])).toBeGreaterThan(0);
  });

  it('refuses an unknown document by its id, writing nothing', async () => {
    const { ws } = await workspaceWithText();
    expect(await cli('suggest', '--workspace', ws, '--layer', 'Machine', '--docs', 'nope')).toBe(1);
    expect(err.join('\n')).toBe('Error (not-found): There is no document "nope" in this workspace.');
    expect(readFileSync(join(ws, 'workspace.json'), 'utf8')).not.toContain('Machine');
  });

  it('refuses a missing layer name with usage, and the gold layer with a reason', async () => {
    const { ws } = await workspaceWithText();
    expect(await cli('suggest', '--workspace', ws)).toBe(2);
    expect(err.join('\n')).toContain('Name the layer the suggestions go into with --layer <name>.');
    err = [];
    expect(await cli('suggest', '--workspace', ws, '--layer', 'Gold')).toBe(1);
    expect(err.join('\n')).toMatch(
      /^Error \(invalid-request\): Machine suggestions cannot go into the gold layer/,
    );
  });
});
