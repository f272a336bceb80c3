// The app opened in the campaign's own process (bench/reliability, Node only): the real workbench service on a
// workspace, with the preferences folder of that workspace (`configDirFor`, as the built host gets), so who the
// analyst is survives a restart and no campaign touches the real user's config. A workspace copied to a new
// folder is a new workspace to the preferences: `rememberAnalyst` says who the analyst is there.
import { rm } from 'node:fs/promises';
import type { Result } from '@shared/api';
import type { AnnotatorId } from '@shared/model';
import { openWorkbench, type OpenWorkbench } from '../../../src/main/service/open-workbench';
import { openPreferences } from '../../../src/main/preferences/preferences-file';
import { configDirFor } from './built-host';

export interface OpenAppOptions {
  owner?: 'electron' | 'serve' | 'cli';
  /** Import the sample article into a new workspace (default false). */
  withSample?: boolean;
}

/** Opens the workbench on `dir` as the app would, with the workspace's own preferences folder. */
export function openApp(dir: string, options: OpenAppOptions = {}): Promise<OpenWorkbench> {
  return openWorkbench(dir, {
    owner: options.owner ?? 'cli',
    withSample: options.withSample ?? false,
    configDir: configDirFor(dir),
  });
}

/** The value of a successful call; anything else stops the campaign's setup with the error's message. */
export function valueOf<T = unknown>(method: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Calls a method that must succeed (campaign setup, not the attack). */
export async function must<T = unknown>(wb: OpenWorkbench, method: string, payload: unknown): Promise<T> {
  return valueOf<T>(method, await wb.dispatch(method, payload));
}

/** Records in the workspace's preferences folder that this user is `annotatorId` there (after a copy). */
export async function rememberAnalyst(dir: string, annotatorId: string): Promise<void> {
  const preferences = await openPreferences(configDirFor(dir));
  await preferences.update((prefs) => {
    prefs.workspaces = [
      { path: dir, annotatorId: annotatorId as AnnotatorId, lastOpened: new Date().toISOString() },
      ...prefs.workspaces.filter((w) => w.path !== dir),
    ];
  });
}

/** Removes a workspace the campaign is done with, and its preferences folder. */
export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await rm(configDirFor(dir), { recursive: true, force: true });
}
