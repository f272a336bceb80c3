// `npm start`: builds if needed, then runs the Electron app where its binary exists; otherwise says so
// plainly and starts the browser-mode host, which prints the URL to open. Extra arguments pass through
// (e.g. `npm start -- --workspace ~/tagwright-ws`).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureBuilt } from './ensure-built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureBuilt();
const args = process.argv.slice(2);
const electron = findElectronBinary();
let child;
if (electron.path !== null) {
  child = spawn(electron.path, [root, ...args], { stdio: 'inherit' });
} else {
  console.log(`Electron is not available on this machine: ${electron.reason}.`);
  console.log('Starting Tagwright in browser mode instead (same app, served on 127.0.0.1).');
  child = spawn(process.execPath, [join(root, 'out', 'main', 'host.js'), 'serve', ...args], {
    stdio: 'inherit',
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
