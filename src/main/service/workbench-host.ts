// One process's workbench, whichever workspace it has open (src/main): the dispatcher, the event hub, the
// worker thread and the user's preferences stay; the workspace behind them can be swapped by `workspace:open`.
// The new workspace is opened (and locked) first, so a locked or damaged folder leaves the old one working;
// only then do requests go to the new one, and the old one is closed: its queued writes finish and its lock
// is released. Every window is told to reload.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WorkbenchError, type WorkspaceView } from '@shared/api';
import { defaultConfigDir } from '../app-paths';
import { openPreferences, type PreferencesFile } from '../preferences/preferences-file';
import { JobRunner } from '../workers/job-runner';
import type { Dispatch } from './dispatch';
import { EventHub } from './event-hub';
import { openWorkbench, type OpenWorkbench, type OpenWorkbenchOptions } from './open-workbench';
import type { SwitchWorkspace } from './service-context';

export interface WorkbenchHost {
  /** Routes every request to the workspace open at the moment it arrives. */
  dispatch: Dispatch;
  events: EventHub;
  preferences: PreferencesFile;
  current(): OpenWorkbench;
  close(): Promise<void>;
}

export type WorkbenchHostOptions = Omit<OpenWorkbenchOptions, 'events' | 'preferences' | 'switchWorkspace'>;

export async function openWorkbenchHost(dir: string, options: WorkbenchHostOptions): Promise<WorkbenchHost> {
  const events = new EventHub();
  const preferences = await openPreferences(options.configDir ?? defaultConfigDir());
  if (preferences.problem !== null) options.log?.(preferences.problem);
  const ownJobs = options.jobs === undefined ? new JobRunner() : null;
  const shared = { ...options, events, preferences, jobs: options.jobs ?? (ownJobs as JobRunner) };
  let switching: Promise<unknown> = Promise.resolve();

  const switchWorkspace: SwitchWorkspace = (request, caller) => {
    const run = switching.then(() => swap(request.path, request.create, caller.clientId));
    switching = run.catch(() => undefined);
    return run;
  };
  let current = await openWorkbench(dir, { ...shared, switchWorkspace });

  async function swap(path: string, create: boolean, clientId: string): Promise<WorkspaceView> {
    const target = resolve(path);
    if (target !== current.store.dir) {
      checkTarget(target, create);
      const next = await openWorkbench(target, { ...shared, withSample: create, switchWorkspace });
      const previous = current;
      current = next;
      await previous.close();
      await rememberOpened(preferences, target);
      events.publish({ kind: 'workspace-switched', path: target }, clientId);
    }
    const view = await current.dispatch('workspace:get', {});
    if (!view.ok) throw new WorkbenchError(view.error.code, view.error.message);
    return view.value as WorkspaceView;
  }

  return {
    dispatch: (method, payload, caller) => current.dispatch(method, payload, caller),
    events,
    preferences,
    current: () => current,
    close: async () => {
      await switching;
      await current.close();
      await ownJobs?.close();
    },
  };
}

/** An existing workspace to open, or (create) a folder that is new or empty; never someone else's files. */
function checkTarget(target: string, create: boolean): void {
  const isWorkspace = existsSync(join(target, 'workspace.json'));
  if (!create && !isWorkspace) {
    throw new WorkbenchError(
      'not-found',
      `There is no Tagwright workspace in ${target} (workspace.json is missing).`,
    );
  }
  if (create && !isWorkspace && existsSync(target) && readdirSync(target).length > 0) {
    throw new WorkbenchError(
      'conflict',
      `${target} is not empty and holds no workspace: choose a new or empty folder for a new workspace.`,
    );
  }
}

/** The workspace moves to the top of "open recent" when this user already knows who they are in it. */
async function rememberOpened(preferences: PreferencesFile, path: string): Promise<void> {
  const known = preferences.get().workspaces.find((w) => w.path === path);
  if (known === undefined) return;
  await preferences.update((prefs) => {
    prefs.workspaces = [
      { ...known, lastOpened: new Date().toISOString() },
      ...prefs.workspaces.filter((w) => w.path !== path),
    ];
  });
}
