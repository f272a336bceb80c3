// The command-line interface's command table (src/main). `tagwright <command> …` runs the same workbench
// service as the app; each command parses its own options, so later ones (export, agreement) slot in here.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '@shared/api';
import { fileSizeProblem } from '@shared/formats/import';
import { defaultWorkspaceDir, rendererDir } from '../app-paths';
import { startHost } from '../http/host-server';
import { importDocuments, type IncomingFile } from '../service/import-documents';
import { appearanceAttributes, openWorkbench } from '../service/open-workbench';
import { openWorkbenchHost } from '../service/workbench-host';
import { importAnnotations, importableFormatOf } from './annotation-import';
import { UsageError, type CliCommand, type CliIo } from './cli-support';
import { agreementCommand } from './agreement-command';
import { exportCommand } from './export-command';
import { suggestCommand } from './suggest-command';

const workspaceOption = { workspace: { type: 'string', short: 'w' } } as const;

const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--workspace <dir>] [--port <n>]',
  summary: 'Run the workbench in browser mode on 127.0.0.1 and print the URL to open.',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...workspaceOption, port: { type: 'string' } } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0-65535, not "${values.port}".`);
    const dir = resolve(values.workspace ?? defaultWorkspaceDir());
    // The host can move to another workspace (Settings → Workspace) without a restart.
    const workbench = await openWorkbenchHost(dir, { owner: 'serve', log: io.err });
    const host = await startHost({
      dispatch: workbench.dispatch,
      events: workbench.events,
      rendererDir: rendererDir(),
      port,
      log: io.err,
      pageAttributes: () => appearanceAttributes(workbench.preferences),
    }).catch(async (error: unknown) => {
      await workbench.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new UsageError(`Port ${port} is already in use: choose another with --port, or leave it out.`);
      }
      throw error;
    });
    io.out(`Workspace: ${dir}`);
    io.out(`Tagwright is running in browser mode. Open this URL: ${host.url}`);
    io.out('Press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await workbench.close();
    io.out('Stopped; the workspace is saved and unlocked.');
    return 0;
  },
};

const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import [--workspace <dir>] [--format <brat|doccano|labelstudio|jsonl|native|w3c> --layer <name>] <files...>',
  summary: 'Import documents (.txt, .md, .html, .jsonl), or with --format annotated files into a layer.',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { ...workspaceOption, format: { type: 'string' }, layer: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('Name at least one file to import.');
    if (values.layer !== undefined && values.format === undefined) {
      throw new UsageError('--layer goes with --format (the format of the annotated files).');
    }
    const format = values.format === undefined ? null : importableFormatOf(values.format);
    if (format !== null && (values.layer === undefined || values.layer.trim() === '')) {
      throw new UsageError('Name the layer the annotations go into with --layer <name>.');
    }
    const dir = resolve(values.workspace ?? defaultWorkspaceDir());
    const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false, log: io.err });
    try {
      if (format !== null) return await importAnnotations(workbench, format, values.layer!, positionals, io);
      const read = await Promise.all(positionals.map(readImportFile));
      const files = read.filter((file): file is IncomingFile => !('message' in file));
      const report = await importDocuments(workbench.store, files, { parse: workbench.parseImport });
      report.rejected.unshift(...read.filter((file) => 'message' in file));
      printImportReport(report, io);
      return report.rejected.length > 0 ? 1 : 0;
    } finally {
      await workbench.close();
    }
  },
};

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
};

/**
 * The file's bytes, or why it is refused. The size is checked before reading: a file of several GB would
 * otherwise be read whole (and fail with a raw RangeError past 2 GiB) only to be refused as too large.
 */
async function readImportFile(path: string): Promise<IncomingFile | { file: string; message: string }> {
  const file = basename(path);
  try {
    const tooLarge = fileSizeProblem((await stat(path)).size);
    if (tooLarge !== null) return { file, message: tooLarge };
    return { name: path, bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
    return { file, message: `the file could not be read (${code ? `${code}: ` : ''}${why})` };
  }
}

export function printImportReport(report: ImportReport, io: CliIo): void {
  for (const doc of report.imported) io.out(`imported  ${doc.title} (${doc.chars} characters, id ${doc.id})`);
  for (const dup of report.duplicates)
    io.out(`duplicate ${dup.file}: "${dup.title}" is already in the workspace as "${dup.existingTitle}"`);
  for (const bad of report.rejected) io.err(`rejected  ${bad.file}: ${bad.message}`);
  io.out(
    `${report.imported.length} imported, ${report.duplicates.length} duplicates, ${report.rejected.length} rejected`,
  );
}

export const commands: readonly CliCommand[] = [
  serveCommand,
  importCommand,
  exportCommand,
  agreementCommand,
  suggestCommand,
];
export { UsageError, type CliIo, type CliCommand };
