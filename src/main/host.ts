// Entry point without Electron (src/main): the browser-mode host and the command-line interface.
// `node out/main/host.js serve …` (npm run serve) or `node out/main/host.js import …` (npm run cli -- import).
import { runCli } from './cli/run-cli';

const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };

runCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
