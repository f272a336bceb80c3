// The command-line interface's command table (src/main). `tagwright <command> …` runs the same workbench
// service as the app; each command parses its own options, so later ones (export, agreement) slot in here.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '@shared/api';
import { defaultWorkspaceDir, rendererDir } from '../app-paths';
import { startHost } from '../http/host-server';
import { importDocuments } from '../service/import-documents';
import { openWorkbench } from '../service/open-workbench';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Resolves with the process exit code; a long-running command resolves when it is stopped. */
  run(args: string[], io: CliIo): Promise<number>;
}

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
    const workbench = await openWorkbench(dir, { owner: 'serve', log: io.err });
    const host = await startHost({
      dispatch: workbench.dispatch,
      rendererDir: rendererDir(),
      port,
      log: io.err,
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
  usage: 'import [--workspace <dir>] <files...>',
  summary: 'Import .txt, .md, .html and .jsonl files into a workspace.',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: workspaceOption, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('Name at least one file to import.');
    const dir = resolve(values.workspace ?? defaultWorkspaceDir());
    const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false, log: io.err });
    try {
      const files = await Promise.all(
        positionals.map(async (path) => ({ name: path, bytes: await readFile(path) })),
      );
      const report = await importDocuments(workbench.store, files, { parse: workbench.parseImport });
      printImportReport(report, io);
      return report.rejected.length > 0 ? 1 : 0;
    } finally {
      await workbench.close();
    }
  },
};

export function printImportReport(report: ImportReport, io: CliIo): void {
  for (const doc of report.imported) io.out(`imported  ${doc.title} (${doc.chars} characters, id ${doc.id})`);
  for (const dup of report.duplicates)
    io.out(`duplicate ${dup.file}: "${dup.title}" is already in the workspace as "${dup.existingTitle}"`);
  for (const bad of report.rejected) io.err(`rejected  ${bad.file}: ${bad.message}`);
  io.out(
    `${report.imported.length} imported, ${report.duplicates.length} duplicates, ${report.rejected.length} rejected`,
  );
}

export class UsageError extends Error {}

export const commands: readonly CliCommand[] = [serveCommand, importCommand];
