// Parses `tagwright <command> [options]` and runs the command; prints usage on error (src/main).
// Errors from the workbench (a locked or damaged workspace, an unreadable file) print their message, not a stack.
import { WorkbenchError } from '@shared/api';
import { commands, UsageError, type CliIo } from './commands';

export function usage(): string {
  const lines = commands.map((c) => `  tagwright ${c.usage.padEnd(46)} ${c.summary}`);
  return ['Usage:', ...lines, '', 'Via npm: npm run cli -- <command> …   (serve: npm run serve -- …)'].join(
    '\n',
  );
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`Unknown command "${name}".\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.err(`${error.message}\nUsage: tagwright ${command.usage}`);
      return 2;
    }
    if (error instanceof WorkbenchError) {
      io.err(`Error (${error.code}): ${error.message}`);
      return 1;
    }
    throw error;
  }
}
