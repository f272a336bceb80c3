// Where Tagwright finds its bundled data and keeps its default workspace (src/main).
// Built entries live in out/main/, so the repository's data/ folder is two levels up from them.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';

const here = dirname(fileURLToPath(import.meta.url));

/** The application root (the folder holding package.json, data/ and out/). */
export function appRoot(): string {
  const candidates = [resolve(here, '../..'), resolve(here, '../../..'), process.cwd()];
  return candidates.find((dir) => existsSync(join(dir, 'data', 'schema.default.json'))) ?? process.cwd();
}

export function dataPath(...parts: string[]): string {
  return join(appRoot(), 'data', ...parts);
}

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}

/** The default workspace for browser mode and the CLI: the platform's user data folder (Electron uses userData). */
export function defaultWorkspaceDir(): string {
  return join(envPaths('tagwright', { suffix: '' }).data, 'workspace');
}

/**
 * Where this user's preferences live: TAGWRIGHT_CONFIG_DIR if set (tests, portable installs), else the
 * platform's config folder (~/.config/tagwright on Linux). Electron passes its userData folder instead.
 */
export function defaultConfigDir(): string {
  return process.env.TAGWRIGHT_CONFIG_DIR ?? envPaths('tagwright', { suffix: '' }).config;
}
