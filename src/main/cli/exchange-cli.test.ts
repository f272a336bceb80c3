// `tagwright export` and `tagwright import --format`: the forms scripts depend on, their exit codes and
// one-line reasons, never overwriting a file, CSV's frame table beside its span table, and brat .ann files
// paired with the .txt beside them, whose R lines come back out unchanged.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
const cli = (...args: string[]) => runCli(args, io);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagwright-cli-x-'));
  out = [];
  err = [];
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A brat package of one document: a claim said by an actor, with a note. */
async function bratPackage(): Promise<string> {
  const text = 'Damascus insists that Turkey withdraw 🇹🇷 its forces.\n';
  const folder = join(dir, 'brat');
  await mkdir(folder);
  await writeFile(join(folder, 'syria.txt'), text);
  await writeFile(
    join(folder, 'syria.ann'),
    [
      'T1\tactor 0 8\tDamascus',
      'T2\tclaim 22 51\tTurkey withdraw 🇹🇷 its forces',
      'R1\tsays Arg1:T1 Arg2:T2',
      '#1\tAnnotatorNotes T1\tthe government',
      '',
    ].join('\n'),
  );
  return folder;
}

describe('tagwright import --format', () => {
  it('brings a brat package in as a new analyst’s layer, and again without changes', async () => {
    const ws = join(dir, 'ws');
    const folder = await bratPackage();
    expect(
      await cli(
        'import',
        '--workspace',
        ws,
        '--format',
        'brat',
        '--layer',
        'Lee',
        join(folder, 'syria.ann'),
        join(folder, 'syria.txt'),
      ),
    ).toBe(0);
    expect(out.join('\n')).toContain('2 added, 0 removed, 0 relabelled, 0 changed, 0 could not be placed');
    out = [];
    expect(await cli('import', '--workspace', ws, '--format', 'brat', '--layer', 'Lee', folder)).toBe(0);
    expect(out.join('\n')).toContain('0 added, 0 removed');
  });

  it('fails with the file and line when the file is malformed, importing nothing', async () => {
    const ws = join(dir, 'ws');
    const folder = await bratPackage();
    await writeFile(join(folder, 'syria.ann'), 'T1\tactor 0 8\tDamascus\nT2\tclaim 999 1000\tnope\n');
    expect(await cli('import', '--workspace', ws, '--format', 'brat', '--layer', 'Lee', folder)).toBe(1);
    expect(err.join('\n')).toMatch(/syria\.ann, line 2/);
    expect(err).toHaveLength(1);
  });

  it('refuses an unknown format and a --format without --layer with usage', async () => {
    expect(
      await cli('import', '--workspace', join(dir, 'ws'), '--format', 'conll', '--layer', 'x', 'a.txt'),
    ).toBe(2);
    expect(err.join('\n')).toContain('Cannot import "conll"');
    expect(await cli('import', '--workspace', join(dir, 'ws'), '--format', 'brat', 'a.ann')).toBe(2);
  });
});

describe('tagwright export', () => {
  async function tagged(): Promise<string> {
    const ws = join(dir, 'ws');
    await cli('import', '--workspace', ws, '--format', 'brat', '--layer', 'Lee', await bratPackage());
    return ws;
  }

  it('writes doccano JSONL whose code-point offsets slice out each quote', async () => {
    const ws = await tagged();
    const target = join(dir, 'out.jsonl');
    expect(
      await cli('export', '--workspace', ws, '--format', 'doccano', '--out', target, '--layers', 'lee'),
    ).toBe(0);
    const line = JSON.parse(readFileSync(target, 'utf8').split('\n')[0]!) as {
      text: string;
      entities: { start_offset: number; end_offset: number }[];
    };
    const quotes = line.entities.map((e) => [...line.text].slice(e.start_offset, e.end_offset).join(''));
    expect(quotes).toEqual(['Damascus', 'Turkey withdraw 🇹🇷 its forces']);
  });

  it('never overwrites a file unless told to', async () => {
    const ws = await tagged();
    const target = join(dir, 'out.json');
    await writeFile(target, 'keep me');
    expect(await cli('export', '--workspace', ws, '--format', 'native', '--out', target)).toBe(1);
    expect(await readFile(target, 'utf8')).toBe('keep me');
    expect(err.join('\n')).toContain('already exists');
    expect(await cli('export', '--workspace', ws, '--format', 'native', '--out', target, '--force')).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ format: 'tagwright-package' });
  });

  it('puts the frame table beside the span table for CSV', async () => {
    const ws = await tagged();
    const target = join(dir, 'corpus.csv');
    expect(
      await cli('export', '--workspace', ws, '--format', 'csv', '--layers', 'lee', '--out', target),
    ).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Damascus');
    const frames = readFileSync(join(dir, 'corpus.frames.csv'), 'utf8');
    expect(frames).toContain('Turkey withdraw 🇹🇷 its forces');
    expect(frames).toContain('Damascus');
  });

  it('gives back the relations of an imported brat file unchanged in its brat export', async () => {
    const ws = await tagged();
    const target = join(dir, 'b.zip');
    expect(
      await cli('export', '--workspace', ws, '--format', 'brat', '--layers', 'lee', '--out', target),
    ).toBe(0);
    const files = unzipSync(await readFile(target));
    const ann = Object.entries(files).find(([name]) => name.endsWith('syria.ann'));
    expect(ann).toBeDefined();
    const exported = new TextDecoder().decode(ann![1]);
    const imported = await readFile(join(dir, 'brat', 'syria.ann'), 'utf8');
    // The same lines (a note may stand next to its span rather than at the end).
    const lines = (ann: string) => ann.trim().split('\n').sort();
    expect(lines(exported)).toEqual(lines(imported));
    expect(exported).toContain('R1\tsays Arg1:T1 Arg2:T2');
  });

  it('zips brat with README.txt, and fails with a reason for an unknown format', async () => {
    const ws = await tagged();
    expect(await cli('export', '--workspace', ws, '--format', 'brat', '--out', join(dir, 'b.zip'))).toBe(0);
    expect(existsSync(join(dir, 'b.zip'))).toBe(true);
    expect(await cli('export', '--workspace', ws, '--format', 'tei', '--out', join(dir, 'x'))).toBe(2);
    expect(err.join('\n')).toContain('Unknown format "tei"');
  });
});
