// Opens (or creates) a workspace and wires the service to it (src/main). A new workspace gets the default
// label schema from data/ and the sample article, so a first-time analyst has something to tag at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelSchemaSchema, type LabelSchema } from '@shared/model';
import { dataPath, defaultConfigDir } from '../app-paths';
import { openPreferences, type PreferencesFile } from '../preferences/preferences-file';
import { openWorkspace, type WorkspaceStore } from '../store/workspace-store';
import { JobRunner, workerJobs } from '../workers/job-runner';
import { createDispatcher, type Dispatch } from './dispatch';
import type { ChooseSavePath, SwitchWorkspace } from './service-context';
import { EventHub } from './event-hub';
import { importDocuments, parseInWorker, type ParseFile } from './import-documents';
import { createWorkbench } from './workbench';

export const SAMPLE_FILES = ['astana-22-turkey-syria.txt'];

export interface OpenWorkbench {
  store: WorkspaceStore;
  dispatch: Dispatch;
  /** Where windows subscribe to the events other windows' changes cause. */
  events: EventHub;
  /** True when this call created the workspace (first run). */
  created: boolean;
  /** Parses an import file on the worker thread, within the time budget (for the CLI's imports). */
  parseImport: ParseFile;
  /** This user's preferences (the hosts write the theme into the page they serve). */
  preferences: PreferencesFile;
  /** Cancels running imports, then closes the store. */
  close(): Promise<void>;
}

/** The attributes index.html is served with: the user's theme and text size, for a right first paint. */
export function appearanceAttributes(preferences: PreferencesFile): Record<string, string> {
  const { theme, textScale } = preferences.get();
  return { 'data-theme': theme, 'data-text-scale': String(textScale) };
}

export interface OpenWorkbenchOptions {
  owner: 'electron' | 'serve' | 'cli';
  /** Import the bundled sample article into a new workspace (default true). */
  withSample?: boolean;
  log?: (message: string) => void;
  /** Time budget for parsing one import file (default 20 s). */
  importBudgetMs?: number;
  /** A job runner shared with others (it is not closed with the workbench); default: a runner of its own. */
  jobs?: JobRunner;
  /** Electron's save dialog, so exports go where the analyst chooses. */
  chooseSavePath?: ChooseSavePath;
  /** Where this user's preferences live (default: TAGWRIGHT_CONFIG_DIR or the platform's config folder). */
  configDir?: string;
  /** Time budget for matching one chunk of documents in a search (default 5 s). */
  searchBudgetMs?: number;
  /** Shared with other workbenches of one process (workbench-host.ts); default: its own. */
  events?: EventHub;
  preferences?: PreferencesFile;
  /** How `workspace:open` switches workspaces (workbench-host.ts); absent: it is refused. */
  switchWorkspace?: SwitchWorkspace;
}

export function loadDefaultLabelSchema(): LabelSchema {
  const raw: unknown = JSON.parse(readFileSync(dataPath('schema.default.json'), 'utf8'));
  return labelSchemaSchema.parse(raw);
}

export async function openWorkbench(dir: string, options: OpenWorkbenchOptions): Promise<OpenWorkbench> {
  const created = !existsSync(join(dir, 'workspace.json'));
  const store = await openWorkspace(dir, {
    owner: options.owner,
    createWith: { labelSchema: loadDefaultLabelSchema() },
  });
  if (created && options.withSample !== false) {
    const files = SAMPLE_FILES.map((name) => ({ name, bytes: readFileSync(dataPath(name)) }));
    await importDocuments(store, files);
  }
  // One worker thread parses imports, so the main thread (the window, every other request) never waits on one.
  const ownJobs = options.jobs === undefined ? new JobRunner() : null;
  const runner = options.jobs ?? (ownJobs as JobRunner);
  const parseImport = parseInWorker(runner, options.importBudgetMs);
  const events = options.events ?? new EventHub();
  const preferences = options.preferences ?? (await openPreferences(options.configDir ?? defaultConfigDir()));
  if (options.preferences === undefined && preferences.problem !== null) options.log?.(preferences.problem);
  const handlers = createWorkbench(store, {
    preferences,
    events,
    parseImport,
    runJob: workerJobs(runner),
    ...(options.searchBudgetMs === undefined ? {} : { searchBudgetMs: options.searchBudgetMs }),
    ...(options.switchWorkspace === undefined ? {} : { switchWorkspace: options.switchWorkspace }),
    ...(options.chooseSavePath === undefined ? {} : { chooseSavePath: options.chooseSavePath }),
  });
  const dispatch = createDispatcher(handlers, options.log);
  const close = async (): Promise<void> => {
    await ownJobs?.close();
    await store.close();
  };
  return { store, dispatch, events, created, parseImport, preferences, close };
}
