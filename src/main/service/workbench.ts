// The workbench service: every method of the contract, grouped by domain, on top of the workspace store
// (src/main). It never imports electron, so the Electron app, the browser-mode host and the CLI all run it.
import type { WorkspaceStore } from '../store/workspace-store';
import type { ServiceHandlers } from './dispatch';
import { EventHub } from './event-hub';
import type { ParseFile } from './import-documents';
import { annotationHandlers } from './handlers/annotation-handlers';
import { documentHandlers } from './handlers/document-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { createServiceContext } from './service-context';

export interface WorkbenchOptions {
  now?: () => Date;
  events?: EventHub;
  /** How import files are parsed (openWorkbench: on a worker thread with a time budget). */
  parseImport?: ParseFile;
}

export function createWorkbench(store: WorkspaceStore, options: WorkbenchOptions = {}): ServiceHandlers {
  const ctx = createServiceContext(
    store,
    options.events ?? new EventHub(),
    options.now ?? (() => new Date()),
    options.parseImport,
  );
  return {
    ...workspaceHandlers(ctx),
    ...documentHandlers(ctx),
    ...annotationHandlers(ctx),
  };
}
