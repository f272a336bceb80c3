// Finds an installed Electron binary WITHOUT require('electron') (which tries to download it when absent).
// Used by `npm start` and by the Electron end-to-end spec.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path: string } | { path: null, reason: string }} */
export function findElectronBinary() {
  const override = process.env.TAGWRIGHT_ELECTRON_BINARY;
  if (override) {
    return existsSync(override)
      ? { path: override }
      : { path: null, reason: `TAGWRIGHT_ELECTRON_BINARY=${override} does not exist` };
  }
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        'the Electron binary was never downloaded (electron/path.txt is missing; this machine cannot reach its download host)',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { path: null, reason: `the Electron binary ${binary} is missing` };
}
