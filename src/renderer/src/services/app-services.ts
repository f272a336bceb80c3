// The renderer's composition root (src/renderer/services): creates every store once per window, wires main's
// events to them, and hands the whole set to React through context (never module singletons), so tests build
// their own set around a fake backend.
import type { LabelSchema } from '@shared/model';
import type { Backend } from '../api/client';
import { CommandRegistry } from '../commands/registry';
import type { DocumentEditor } from '../editor/document-editor';
import { createActorStore, type ActorStore } from '../stores/actor-store';
import { createAnnouncer, type Announcer } from '../stores/announcer';
import { createClaimsStore, type ClaimsStore } from '../stores/claims-store';
import { createQueueStore, type QueueStore } from '../stores/document-queue';
import { createExchangeStore, type ExchangeStore } from '../stores/exchange-store';
import {
  createMachineSuggestionStore,
  type MachineSuggestionStore,
} from '../stores/machine-suggestion-store';
import { createReviewStore, type ReviewStore } from '../stores/review-store';
import { observable, type Observable } from '../stores/observable';
import { createPreferencesStore, type PreferencesStore } from '../stores/preferences-store';
import { createSaveTracker, type SaveTracker } from '../stores/save-tracker';
import { createSchemaStore, type SchemaStore } from '../stores/schema-store';
import { createSearchStore, type SearchStore } from '../stores/search-store';
import { SessionRegistry } from '../stores/session-registry';
import { SuggestionStore } from '../stores/suggestion-store';
import { createTaskStore, type TaskStore } from '../stores/task-store';
import { createUiStore, type UiStore } from '../stores/ui-store';
import { createWorkspaceStore, type WorkspaceStore } from '../stores/workspace-store';
import type { DocumentSession } from '../stores/document-session';

/** What every command sees when it runs. */
export interface CommandContext {
  services: AppServices;
  session: DocumentSession | null;
  editor: DocumentEditor | null;
}

export interface AppServices {
  backend: Backend;
  workspace: WorkspaceStore;
  sessions: SessionRegistry;
  exchange: ExchangeStore;
  suggestions: SuggestionStore;
  /** The offline suggester's proposals, asked of main and offered to `suggestions`. */
  machineSuggestions: MachineSuggestionStore;
  actors: ActorStore;
  claims: ClaimsStore;
  schema: SchemaStore;
  review: ReviewStore;
  tasks: TaskStore;
  preferences: PreferencesStore;
  search: SearchStore;
  queue: QueueStore;
  tracker: SaveTracker;
  ui: UiStore;
  announcer: Announcer;
  commands: CommandRegistry<CommandContext>;
  /** The editor of the open document, while one is mounted. */
  editor: Observable<DocumentEditor | null>;
  /** The context commands run in right now. */
  context(): CommandContext;
}

const EMPTY_SCHEMA: LabelSchema = { labels: [], relationTypes: [] };

export function createAppServices(backend: Backend): AppServices {
  const tasks = createTaskStore(backend.api);
  const workspace = createWorkspaceStore(backend.api, tasks);
  const tracker = createSaveTracker();
  const sessions = new SessionRegistry(
    backend.api,
    {
      tracker,
      schema: () => workspace.labelSchema() ?? EMPTY_SCHEMA,
      onSaved: (result) => workspace.applySummaries([result.summary]),
      onSaveFailed: (message) => workspace.notify({ kind: 'error', message }),
    },
    () => workspace.view()?.localAnnotator?.id ?? null,
  );
  const editor = observable<DocumentEditor | null>(null);
  const exchange = createExchangeStore(backend.api, workspace, sessions, tasks);
  const preferences = createPreferencesStore(backend.api);
  const search = createSearchStore(backend.api, tasks);
  const suggestions = new SuggestionStore(backend.api);
  const machineSuggestions = createMachineSuggestionStore(
    backend.api,
    suggestions,
    tasks,
    () => preferences.current.get().suggestions,
  );
  const services: AppServices = {
    backend,
    workspace,
    sessions,
    exchange,
    suggestions,
    machineSuggestions,
    actors: createActorStore(backend.api, sessions),
    claims: createClaimsStore(backend.api),
    schema: createSchemaStore(backend.api, workspace, sessions),
    review: createReviewStore(backend.api),
    tasks,
    preferences,
    search,
    queue: createQueueStore(),
    tracker,
    ui: createUiStore(),
    announcer: createAnnouncer(),
    commands: new CommandRegistry<CommandContext>(),
    editor,
    context: () => ({ services, session: sessions.current, editor: editor.get() }),
  };
  // A note typed just before a reload or a closed window is still sent (keepalive requests outlive the page).
  window.addEventListener('pagehide', () => sessions.flushAll());
  backend.events.subscribe((event) => {
    // Another window opened a different workspace: this window's documents are gone, so start afresh.
    if (event.kind === 'workspace-switched')
      void sessions.whenAllSaved().then(() => window.location.reload());
    workspace.handleEvent(event);
    tasks.handleEvent(event);
    search.handleEvent(event);
    preferences.handleEvent(event);
    void sessions.handleEvent(event);
  });
  return services;
}
