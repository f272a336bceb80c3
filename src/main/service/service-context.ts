// What every group of service handlers shares (src/main): the store, the event hub, the clock, the view of
// the workspace the renderer draws, and the rule that only the local analyst may write their own layer.
import { WorkbenchError, type WorkspaceView } from '@shared/api';
import type { AnnotatorId } from '@shared/model';
import type { WorkspaceStore } from '../store/workspace-store';
import type { EventHub } from './event-hub';
import type { ParseFile } from './import-documents';

export interface ServiceContext {
  store: WorkspaceStore;
  events: EventHub;
  now: () => Date;
  /** How import files are parsed (openWorkbench: on a worker thread with a time budget). */
  parseImport: ParseFile | undefined;
  view(): WorkspaceView;
  /** The analyst working on this machine; refuses with 'conflict' until they have said their name. */
  requireLocal(): AnnotatorId;
}

export function createServiceContext(
  store: WorkspaceStore,
  events: EventHub,
  now: () => Date,
  parseImport?: ParseFile,
): ServiceContext {
  return {
    store,
    events,
    now,
    parseImport,
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
