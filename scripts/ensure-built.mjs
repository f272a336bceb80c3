// Builds the app (electron-vite build) when out/ is missing or older than the sources, so `npm start`,
// `npm run serve` and `npm run cli` work on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'out', '.build-stamp');

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    info.mtimeMs,
  );
}

export function ensureBuilt() {
  const inputs = ['src', 'package.json', 'electron.vite.config.ts'].map((p) => join(root, p));
  const sourcesTime = Math.max(...inputs.filter(existsSync).map(newestMtime));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesTime) return;
  console.log('Building Tagwright (electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
