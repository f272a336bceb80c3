// What every group of service handlers shares (src/main): the store, the event hub, the clock, long-running
// tasks, the worker jobs, the view of the workspace the renderer draws, and the rule that only the local
// analyst may write their own layer.
import { WorkbenchError, type WorkspaceView } from '@shared/api';
import type { Annotator, AnnotatorId } from '@shared/model';
import type { PreferencesFile } from '../preferences/preferences-file';
import type { WorkspaceStore } from '../store/workspace-store';
import type { RunJob } from '../workers/jobs';
import type { EventHub } from './event-hub';
import type { ParseFile } from './import-documents';
import type { TaskRegistry } from './tasks';

/** Opens (or creates) another workspace in place of this one (workbench-host.ts); answers its view. */
export type SwitchWorkspace = (
  request: { path: string; create: boolean },
  caller: { clientId: string },
) => Promise<WorkspaceView>;

/** Asks where to save a file (Electron's native dialog); resolves to null when the analyst cancels. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export interface ServiceDeps {
  store: WorkspaceStore;
  events: EventHub;
  tasks: TaskRegistry;
  now: () => Date;
  runJob: RunJob;
  /** How import files are parsed (openWorkbench: on a worker thread with a time budget). */
  parseImport: ParseFile | undefined;
  /** Present in Electron: exports can be saved where the analyst chooses. */
  chooseSavePath: ChooseSavePath | undefined;
  /** This machine's user: who they are in this workspace, and their settings. */
  preferences: PreferencesFile;
  /** Time budget for matching one chunk of documents in a search. */
  searchBudgetMs: number;
  /** Present where one process can move to another workspace (the app and browser mode, not the CLI). */
  switchWorkspace: SwitchWorkspace | undefined;
}

export interface ServiceContext extends ServiceDeps {
  view(): WorkspaceView;
  /** The analyst this machine's user is in this workspace, or null until they said who they are. */
  localAnnotator(): Annotator | null;
  /** The analyst working on this machine; refuses with 'conflict' until they have said their name. */
  requireLocal(): AnnotatorId;
}

export function createServiceContext(deps: ServiceDeps): ServiceContext {
  const { store, preferences } = deps;
  const localAnnotator = (): Annotator | null => {
    const identity = preferences.get().workspaces.find((w) => w.path === store.dir);
    return store.workspace().annotators.find((a) => a.id === identity?.annotatorId) ?? null;
  };
  return {
    ...deps,
    localAnnotator,
    view: () => {
      const ws = store.workspace();
      return {
        path: store.dir,
        labelSchema: ws.labelSchema,
        annotators: ws.annotators,
        localAnnotator: localAnnotator(),
        analystNameHint: preferences.get().analystName,
        documents: store.documents(),
        problems: [...store.problems],
      };
    },
    requireLocal: () => {
      const local = localAnnotator();
      if (local === null)
        throw new WorkbenchError('conflict', 'Tell Tagwright who you are first: your name names your layer.');
      return local.id;
    },
  };
}
