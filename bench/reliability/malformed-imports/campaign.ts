// Campaign 6, malformed imports (bench/reliability, Node only): mutated files of every format in the table,
// plus each format's parser stress cases, are imported one request at a time through the built host while a
// probe keeps asking for the workspace; then damaged annotated files (every importable format, brat as pairs
// and zips) through import:preview/import:commit, and some through the CLI's `import --format`. Each malformed
// file needs a refusal naming the file and the line of the defect, nothing of a refused file may be stored,
// and no probe may wait more than 1 s behind an import.
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport, Result, WorkspaceView } from '@shared/api';
import { runBuiltCli, type ServeProcess } from '../lib/built-host';
import { defineCampaign, freshDir, randomFor, sized, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { inspectWorkspace, storeProblems } from '../lib/workspace-oracle';
import { IMPORT_FORMATS, type MalformedFile } from './formats';
import { annotatedAttacks } from './annotated-attacks';
import { importAnnotated, importAnnotatedByCli } from './annotated-import';
import { malformedAnnotated, type AnnotatedFile } from './annotated-mutations';
import { annotatedSamples } from './annotated-samples';
import { largeValidImports } from './large-imports';
import { ImportHost, Probe, timed } from './import-host';
import { malformedFile } from './mutations';

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
  const perFormat = sized(options, 3, 260);
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

/** How long an import may go unanswered before the host counts as frozen. */
function limitFor(options: CampaignOptions, file: { heavy?: boolean }): number {
  return file.heavy === true ? (options.quick ? 10_000 : 30_000) : 20_000;
}

/** Damaged annotated requests: mutations of every sample (the brat zip and pairs too), and each format's attacks. */
async function annotatedFiles(options: CampaignOptions): Promise<AnnotatedFile[]> {
  const random = randomFor(options, 'malformed-annotated');
  const samples = await annotatedSamples(options);
  const perSample = sized(options, 1, 150);
  const files: AnnotatedFile[] = [];
  for (const sample of samples)
    for (let i = 0; i < perSample; i++) files.push(malformedAnnotated(sample, random, files.length));
  return [...files, ...annotatedAttacks(samples, options.quick), ...largeValidImports(options.quick)];
}

/** Some of the annotated requests again through the CLI, on a workspace of its own (each run starts a process). */
async function annotatedThroughCli(options: CampaignOptions, files: readonly AnnotatedFile[], tally: Tally) {
  const scratch = await freshDir(options, 'cli-annotated');
  const workspace = join(scratch, 'ws');
  const every = Math.max(1, Math.floor(files.length / (options.quick ? 1 : 40)));
  for (let serial = 0; serial < files.length; serial += every) {
    const file = files[serial] as AnnotatedFile;
    if (file.heavy !== true) await importAnnotatedByCli(workspace, scratch, file, serial, tally);
  }
  for (const problem of [
    ...(await inspectWorkspace(workspace, true).catch(() => ({ problems: [] }))).problems,
  ])
    tally.fail('invalidFiles', `CLI workspace: ${problem}`);
}

/** Imports one file while the probe runs; judges the answer, the waits, and what was stored. */
async function importOne(target: ImportHost, probe: Probe, file: MalformedFile, limit: number, tally: Tally) {
  tally.count('files');
  const before = await documentCount(target.host);
  const files = [{ name: file.name, dataBase64: file.bytes.toString('base64') }];
  const label = `${file.name} (${file.attack})`;
  const result = await timed(target, probe, tally, label, limit, (host) =>
    host.call('documents:import', { files }, limit),
  );
  if (result !== null) judge(tally, file, result, (await documentCount(target.host)) - before);
}

export const malformedImports = defineCampaign(
  'malformed-imports',
  'Import mutated files of every format; each refusal names file and line, nothing partial, nobody waits.',
  ['unclear', 'unrefused', 'slow', 'invalidFiles'],
  async (options, tally) => {
    const dir = await freshDir(options, 'imports');
    const annotated = await annotatedFiles(options);
    const target = await ImportHost.start(dir);
    const probe = new Probe(() => target.host);
    probe.start();
    try {
      for (const file of malformedFiles(options))
        await importOne(target, probe, file, limitFor(options, file), tally);
      for (const [serial, file] of annotated.entries())
        await importAnnotated(target, probe, file, serial, limitFor(options, file), tally);
    } finally {
      await probe.stop();
      await target.host.stop();
    }
    const problems = [...(await inspectWorkspace(dir, true)).problems, ...(await storeProblems(dir))];
    for (const problem of problems) tally.fail('invalidFiles', problem, problem.replace(/^\S+: /, ''));
    await annotatedThroughCli(options, annotated, tally);
    await hugeFileThroughCli(options, tally);
  },
);
