// Campaign 6, malformed imports (bench/reliability, Node only): mutated files of every format in the table,
// plus each format's parser stress cases, are imported one request at a time through the built host while a
// probe keeps asking for the workspace. Each malformed file needs a refusal naming the file and the line of
// the defect, nothing of a refused file may be stored, and no probe may wait more than 1 s behind an import.
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport, Result, WorkspaceView } from '@shared/api';
import { runBuiltCli, startServe, type ServeProcess } from '../lib/built-host';
import { defineCampaign, freshDir, messageOf, randomFor, sleep, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { inspectWorkspace, storeProblems } from '../lib/workspace-oracle';
import { IMPORT_FORMATS, type MalformedFile } from './formats';
import { malformedFile } from './mutations';

const WAIT_LIMIT_MS = 1000;

/** Asks the host for the workspace every 100 ms and remembers how long each answer took. */
class Probe {
  private readonly answers: { start: number; end: number }[] = [];
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly host: () => ServeProcess) {}

  start(): void {
    this.loop = (async () => {
      while (this.running) {
        const start = performance.now();
        await this.host()
          .call('workspace:get', {}, 60_000)
          .catch(() => undefined);
        this.answers.push({ start, end: performance.now() });
        await sleep(100);
      }
    })();
  }

  /** The longest wait of a probe that was on the wire during [from, to]. */
  longestWait(from: number, to: number): number {
    const overlapping = this.answers.filter((a) => a.start < to && a.end > from);
    return Math.max(0, ...overlapping.map((a) => a.end - a.start));
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** The kind of attack, numbers and bytes left out ("invalid UTF-8 c080 at 16665" → "invalid UTF-8 # at #"). */
function attackKind(file: MalformedFile): string {
  return `.${file.name.split('.').pop() ?? ''}: ${file.attack.replace(/\b(?:[0-9a-f]{2,}|\d[\d,]*)\b/g, '#')}`;
}

function judge(tally: Tally, file: MalformedFile, result: Result<unknown>, added: number): void {
  const label = `${file.name} (${file.attack})`;
  const kind = attackKind(file);
  if (!result.ok) {
    if (result.error.code === 'internal')
      return tally.fail('unhandled', `${label}: ${result.error.message}`, kind);
    const message = result.error.message;
    tally.expect(message.includes(file.name), 'unclear', () => `${label}: ${message}`, kind);
    tally.expect(
      added === 0,
      'partial',
      () => `${label}: ${added} documents stored by a refused request`,
      kind,
    );
    return tally.count('refused');
  }
  const report = result.value as ImportReport;
  const refusal = report.rejected[0];
  if (refusal === undefined) {
    tally.expect(!file.mustRefuse, 'unrefused', () => `${label} was imported`, kind);
    const stored = `${label}: ${added} stored, ${report.imported.length} reported`;
    tally.expect(added === report.imported.length, 'partial', () => stored, kind);
    return tally.count('imported');
  }
  tally.count('refused');
  const line = file.line;
  const namesLine =
    line === undefined || refusal.line === line || new RegExp(`\\bline ${line}\\b`).test(refusal.message);
  const got = `expected line ${line ?? '-'}, got "${refusal.file}" line ${refusal.line ?? '-'}: ${refusal.message}`;
  tally.expect(refusal.file === file.name && namesLine, 'unclear', () => `${label}: ${got}`, kind);
  tally.expect(added === 0, 'partial', () => `${label}: ${added} documents stored from a refused file`, kind);
}

function malformedFiles(options: CampaignOptions): MalformedFile[] {
  const random = randomFor(options, 'malformed-imports');
  const perFormat = options.quick ? 8 : 260;
  const files: MalformedFile[] = [];
  for (const format of IMPORT_FORMATS) {
    const samples = format.samples();
    for (let i = 0; i < perFormat; i++)
      files.push(malformedFile(format, samples[i % samples.length] ?? '', random, files.length));
    files.push(...format.attacks(options.quick));
  }
  return files;
}

async function documentCount(host: ServeProcess): Promise<number> {
  const view = await host.call('workspace:get', {}, 120_000);
  return view.ok ? (view.value as WorkspaceView).documents.length : -1;
}

/** The CLI must refuse a file larger than the import limit without reading it into memory first. */
async function hugeFileThroughCli(options: CampaignOptions, tally: Tally): Promise<void> {
  const dir = await freshDir(options, 'cli-huge');
  const path = join(dir, 'huge.txt');
  const handle = await open(path, 'w');
  await handle.truncate(3 * 1024 ** 3); // sparse: 3 GiB that take no disk
  await handle.close();
  const run = await runBuiltCli('import', join(dir, 'ws'), [path], 60_000);
  const clear =
    run.exitCode !== 0 &&
    run.output.includes('huge.txt') &&
    /MB|large/i.test(run.output) &&
    !/\n\s+at /.test(run.output);
  tally.expect(
    clear,
    'unclear',
    () => `CLI import of a 3 GiB file (exit ${run.exitCode}): ${run.output.trim()}`,
  );
  tally.expect(
    run.ms < 5000,
    'slow',
    () => `CLI import of a 3 GiB file took ${Math.round(run.ms)} ms to refuse`,
  );
  await rm(path);
}

/** The host under attack; restarted (after a SIGKILL) when an import freezes it, as an analyst would. */
class ImportHost {
  private constructor(
    private readonly dir: string,
    public host: ServeProcess,
  ) {}

  static async start(dir: string): Promise<ImportHost> {
    const outcome = await startServe(dir);
    if (outcome.kind === 'refused') throw new Error(outcome.output);
    return new ImportHost(dir, outcome.host);
  }

  async restart(): Promise<void> {
    await this.host.stop('SIGKILL');
    await rm(join(this.dir, '.lock'), { recursive: true, force: true });
    const outcome = await startServe(this.dir);
    if (outcome.kind === 'refused') throw new Error(outcome.output);
    this.host = outcome.host;
  }
}

/** Imports one file while the probe runs; judges the answer, the waits, and what was stored. */
async function importOne(target: ImportHost, probe: Probe, file: MalformedFile, limit: number, tally: Tally) {
  tally.count('files');
  const label = `${file.name} (${file.attack})`;
  const before = await documentCount(target.host);
  const from = performance.now();
  const files = [{ name: file.name, dataBase64: file.bytes.toString('base64') }];
  const result = await target.host
    .call('documents:import', { files }, limit)
    .catch((e: unknown) => messageOf(e));
  const wait = probe.longestWait(from, performance.now());
  tally.expect(
    wait <= WAIT_LIMIT_MS,
    'slow',
    () => `while importing ${label} a request waited ${Math.round(wait)} ms`,
  );
  if (typeof result !== 'string')
    return judge(tally, file, result, (await documentCount(target.host)) - before);
  tally.fail('slow', `${label}: no answer within ${limit} ms (${result}); host killed`);
  await target.restart();
}

export const malformedImports = defineCampaign(
  'malformed-imports',
  'Import mutated files of every format; each refusal names file and line, nothing partial, nobody waits.',
  ['unclear', 'unrefused', 'slow', 'invalidFiles'],
  async (options, tally) => {
    const dir = await freshDir(options, 'imports');
    const target = await ImportHost.start(dir);
    const probe = new Probe(() => target.host);
    probe.start();
    try {
      for (const file of malformedFiles(options)) {
        const limit = file.heavy ? (options.quick ? 10_000 : 30_000) : 20_000;
        await importOne(target, probe, file, limit, tally);
      }
    } finally {
      await probe.stop();
      await target.host.stop();
    }
    const problems = [...(await inspectWorkspace(dir, true)).problems, ...(await storeProblems(dir))];
    for (const problem of problems) tally.fail('invalidFiles', problem, problem.replace(/^\S+: /, ''));
    await hugeFileThroughCli(options, tally);
  },
);
