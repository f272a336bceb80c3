// Entry point without Electron (src/main): the browser-mode host and the command-line interface.
// `node out/main/host.js serve …` (npm run serve) or `node out/main/host.js import …` (npm run cli -- import).
import { runCli } from './cli/run-cli';
import type { CliIo } from './cli/cli-support';

let progressShown = false;
const io: CliIo = {
  out: (line) => {
    if (progressShown) process.stderr.write('\r\x1b[K');
    progressShown = false;
    console.log(line);
  },
  err: (line) => {
    if (progressShown) process.stderr.write('\r\x1b[K');
    progressShown = false;
    console.error(line);
  },
  // A progress line only where a person watches: pipelines get clean output.
  ...(process.stderr.isTTY
    ? {
        progress: (line: string) => {
          process.stderr.write(`\r\x1b[K${line}`);
          progressShown = true;
        },
      }
    : {}),
};

runCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
