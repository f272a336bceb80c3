// What every group of service handlers shares (src/main): the store, the event hub, the clock, long-running
// tasks, the worker jobs, the view of the workspace the renderer draws, and the rule that only the local
// analyst may write their own layer.
import { WorkbenchError, type WorkspaceView } from '@shared/api';
import type { AnnotatorId } from '@shared/model';
import type { WorkspaceStore } from '../store/workspace-store';
import type { RunJob } from '../workers/jobs';
import type { EventHub } from './event-hub';
import type { ParseFile } from './import-documents';
import type { TaskRegistry } from './tasks';

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
}

export interface ServiceContext extends ServiceDeps {
  view(): WorkspaceView;
  /** The analyst working on this machine; refuses with 'conflict' until they have said their name. */
  requireLocal(): AnnotatorId;
}

export function createServiceContext(deps: ServiceDeps): ServiceContext {
  const { store } = deps;
  return {
    ...deps,
    view: () => {
      const ws = store.workspace();
      return {
        path: store.dir,
        labelSchema: ws.labelSchema,
        annotators: ws.annotators,
        localAnnotator: ws.annotators.find((a) => a.id === ws.localAnnotatorId) ?? null,
        documents: store.documents(),
        problems: [...store.problems],
      };
    },
    requireLocal: () => {
      const id = store.workspace().localAnnotatorId;
      if (id === null)
        throw new WorkbenchError('conflict', 'Tell Tagwright your name first: it names your layer.');
      return id;
    },
  };
}
