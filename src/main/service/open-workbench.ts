// Opens (or creates) a workspace and wires the service to it (src/main). A new workspace gets the default
// label schema from data/ and the sample article, so a first-time analyst has something to tag at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelSchemaSchema, type LabelSchema } from '@shared/model';
import { dataPath } from '../app-paths';
import { openWorkspace, type WorkspaceStore } from '../store/workspace-store';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventHub } from './event-hub';
import { importDocuments } from './import-documents';
import { createWorkbench } from './workbench';

export const SAMPLE_FILES = ['astana-22-turkey-syria.txt'];

export interface OpenWorkbench {
  store: WorkspaceStore;
  dispatch: Dispatch;
  /** Where windows subscribe to the events other windows' changes cause. */
  events: EventHub;
  /** True when this call created the workspace (first run). */
  created: boolean;
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  owner: 'electron' | 'serve' | 'cli';
  /** Import the bundled sample article into a new workspace (default true). */
  withSample?: boolean;
  log?: (message: string) => void;
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
  const events = new EventHub();
  const dispatch = createDispatcher(createWorkbench(store, { events }), options.log);
  return { store, dispatch, events, created, close: () => store.close() };
}
