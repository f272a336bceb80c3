// The workbench service: every method of the contract, grouped by domain, on top of the workspace store
// (src/main). It never imports electron, so the Electron app, the browser-mode host and the CLI all run it.
import { memoryPreferences, type PreferencesFile } from '../preferences/preferences-file';
import type { WorkspaceStore } from '../store/workspace-store';
import { runJobInline } from '../workers/job-runner';
import type { RunJob } from '../workers/jobs';
import type { ServiceHandlers } from './dispatch';
import { EventHub } from './event-hub';
import { actorHandlers } from './handlers/actor-handlers';
import { annotationHandlers } from './handlers/annotation-handlers';
import { documentHandlers } from './handlers/document-handlers';
import { exchangeHandlers } from './handlers/exchange-handlers';
import { frameHandlers } from './handlers/frame-handlers';
import { schemaHandlers } from './handlers/schema-handlers';
import { suggestionHandlers } from './handlers/suggestion-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { preferencesHandlers } from './handlers/preferences-handlers';
import { searchHandlers } from './handlers/search-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import type { ParseFile } from './import-documents';
import { createServiceContext, type ChooseSavePath, type SwitchWorkspace } from './service-context';
import { TaskRegistry } from './tasks';

export interface WorkbenchOptions {
  now?: () => Date;
  events?: EventHub;
  /** How import files are parsed (openWorkbench: on a worker thread with a time budget). */
  parseImport?: ParseFile;
  /** Where heavy jobs run (openWorkbench: the worker thread); default: inline, for unit tests. */
  runJob?: RunJob;
  chooseSavePath?: ChooseSavePath;
  /** This machine's user's preferences; default: in memory (unit tests). */
  preferences?: PreferencesFile;
  /** Time budget for matching one chunk of documents in a search (default 5 s). */
  searchBudgetMs?: number;
  switchWorkspace?: SwitchWorkspace;
}

export const DEFAULT_SEARCH_BUDGET_MS = 5000;

export function createWorkbench(store: WorkspaceStore, options: WorkbenchOptions = {}): ServiceHandlers {
  const events = options.events ?? new EventHub();
  const ctx = createServiceContext({
    store,
    events,
    tasks: new TaskRegistry(events),
    now: options.now ?? (() => new Date()),
    runJob: options.runJob ?? runJobInline,
    parseImport: options.parseImport,
    chooseSavePath: options.chooseSavePath,
    preferences: options.preferences ?? memoryPreferences(),
    searchBudgetMs: options.searchBudgetMs ?? DEFAULT_SEARCH_BUDGET_MS,
    switchWorkspace: options.switchWorkspace,
  });
  return {
    ...workspaceHandlers(ctx),
    ...documentHandlers(ctx),
    ...annotationHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...schemaHandlers(ctx),
    ...actorHandlers(ctx),
    ...frameHandlers(ctx),
    ...suggestionHandlers(ctx),
    ...reviewHandlers(ctx),
    ...searchHandlers(ctx),
    ...preferencesHandlers(ctx),
  };
}
