// The workbench layout (src/renderer/components): header, document list, the open document and the side
// panel, each behind its own error boundary. Registers the commands and opens the first document on arrival
// so there is something to tag at once.
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { WorkspaceView } from '@shared/api';
import type { Annotator, DocId } from '@shared/model';
import { importFiles } from '../actions/import-actions';
import { documentCommands } from '../commands/document-commands';
import { frameCommands } from '../commands/frame-commands';
import { machineSuggestionCommands } from '../commands/machine-suggestion-commands';
import { reviewCommands } from '../commands/review-commands';
import { viewCommands } from '../commands/view-commands';
import { labelCommands, workbenchCommands } from '../commands/workbench-commands';
import { useCommandKeys } from '../hooks/use-command-keys';
import { usePainted } from '../hooks/use-painted';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { CommandButton } from './CommandButton';
import { DocumentQueue } from './DocumentQueue';
import { ErrorBoundary } from './ErrorBoundary';
import {
  AcceptSuggestionsDialog,
  ActorsDialog,
  AgreementDialog,
  AttributePicker,
  ClaimsDialog,
  CommandPalette,
  DocumentDetailsDialog,
  DocumentPane,
  ExportDialog,
  ImportAnnotationsDialog,
  LinkPicker,
  SchemaEditor,
  SearchPanel,
  SettingsDialog,
  ShortcutsSheet,
  SidePanel,
  TrashDialog,
} from './lazy-parts';
import { ImportControls } from './ImportControls';
import { LiveRegion } from './LiveRegion';
import { NoticeBanner } from './NoticeBanner';
import { damagedDocumentIds, ProblemsBanner } from './ProblemsBanner';
import { SaveStatus } from './SaveStatus';
import { TaskProgress } from './TaskProgress';
import { WhoAreYouDialog } from './WhoAreYouDialog';

export function Workbench({ view, analyst }: { view: WorkspaceView; analyst: Annotator }) {
  const services = useServices();
  const phase = useStore(services.sessions.phase);
  const notice = useStore(services.workspace.notice);
  const importing = useStore(services.workspace.importing);
  const drawerOpen = useStore(services.ui.documentsOpen);
  const dialog = useStore(services.ui.dialog);
  const searchOpen = useStore(services.ui.searchOpen);
  const shortcuts = useStore(services.preferences.current).shortcuts;
  const [switching, setSwitching] = useState(false);
  const closeDialog = useCallback(() => services.ui.dialog.set(null), [services]);
  const labels = view.labelSchema.labels;
  const openId = services.sessions.openId;

  useCommandKeys(services);
  useEffect(() => services.commands.register(workbenchCommands), [services]);
  useEffect(() => services.commands.register(frameCommands), [services]);
  // Hidden from keys, key help and the palette while the user has turned machine suggestions off.
  const suggestionsOn = useStore(services.preferences.current).suggestions;
  useEffect(
    () => (suggestionsOn ? services.commands.register(machineSuggestionCommands) : undefined),
    [services, suggestionsOn],
  );
  useEffect(() => services.commands.register(reviewCommands), [services]);
  const review = useStore(services.review.state);
  useEffect(() => services.commands.register(documentCommands), [services]);
  useEffect(() => services.commands.register(viewCommands), [services]);
  // The analyst's own shortcuts (a Map: command ids are never looked up on Object.prototype).
  useEffect(() => services.commands.setOverrides(new Map(Object.entries(shortcuts))), [services, shortcuts]);
  useEffect(() => services.commands.register(labelCommands(labels)), [services, labels]);

  const open = useCallback(
    (docId: DocId) => {
      services.ui.documentsOpen.set(false);
      void services.sessions.open(docId);
    },
    [services],
  );
  const damaged = useMemo(() => damagedDocumentIds(view.problems), [view.problems]);
  // The list and header are drawn first; the editor, the side panel and the first document follow a frame later.
  const painted = usePainted();
  // The label styles come with the editor's chunk (lazy-parts.ts), so they load with it, after the list.
  useEffect(() => {
    let current = true;
    if (painted) {
      void import('../editor/label-styles').then(({ installLabelStyles }) => {
        if (current) installLabelStyles(labels);
      });
    }
    return () => {
      current = false;
    };
  }, [labels, painted]);
  useEffect(() => {
    const first = view.documents.find((d) => !damaged.has(d.id));
    if (painted && phase.kind === 'none' && first !== undefined) open(first.id);
  }, [painted, phase.kind, view.documents, open, damaged]);
  const onFiles = useCallback((files: File[]) => void importFiles(services, files), [services]);
  const undoDelete = useCallback(
    async (docId: string) => {
      const problem = await services.workspace.restore(docId as DocId);
      if (problem !== null) return services.workspace.notify({ kind: 'error', message: problem });
      services.workspace.dismissNotice();
      services.announcer.say('Restored the document.');
    },
    [services],
  );

  return (
    <div className="workbench">
      <header className="app-header">
        <button
          type="button"
          className="documents-toggle"
          aria-expanded={drawerOpen}
          aria-controls="document-list"
          onClick={() => services.ui.documentsOpen.update((isOpen) => !isOpen)}
        >
          Documents ({view.documents.length})
        </button>
        <strong className="brand">Tagwright</strong>
        <span className="workspace-path" title={view.path}>
          {view.path}
        </span>
        <button
          type="button"
          className="analyst"
          aria-label={`Analyst: ${analyst.name} (switch analyst)`}
          onClick={() => setSwitching(true)}
        >
          Analyst: {analyst.name}
        </button>
        <SaveStatus />
        <ImportControls busy={importing} onFiles={onFiles} />
        <CommandButton id="import-annotations.open" label="Import annotations…" />
        <CommandButton id="review.open" label="Review…" />
        <CommandButton id="export.open" label="Export…" />
        <CommandButton id="search.document" label="Find…" />
        <CommandButton id="palette.open" label="Commands…" />
        <CommandButton id="settings.open" label="Settings…" />
      </header>
      <TaskProgress kind="import" label="Import" />
      <ProblemsBanner problems={view.problems} />
      {notice !== null && (
        <NoticeBanner
          notice={notice}
          onDismiss={services.workspace.dismissNotice}
          onUndoDelete={(docId) => void undoDelete(docId)}
        />
      )}
      <div className="columns">
        <ErrorBoundary area="the document list">
          <DocumentQueue
            reviewCounts={review?.summary ?? null}
            view={view}
            analyst={analyst}
            openId={openId}
            damaged={damaged}
            drawerOpen={drawerOpen}
            onOpen={open}
          />
        </ErrorBoundary>
        <main className="document-pane" aria-label="Document">
          <ErrorBoundary area="this document" resetKey={openId}>
            <Suspense fallback={<p className="placeholder">Loading the editor…</p>}>
              {painted ? (
                <DocumentPane view={view} analyst={analyst} />
              ) : (
                <p className="placeholder">Loading the editor…</p>
              )}
            </Suspense>
          </ErrorBoundary>
        </main>
        <aside className="side-panel" aria-label="Annotations">
          <ErrorBoundary area="the annotations panel" resetKey={openId}>
            <Suspense fallback={null}>
              {painted && searchOpen && <SearchPanel view={view} />}
              {painted && <SidePanel view={view} />}
            </Suspense>
          </ErrorBoundary>
        </aside>
      </div>
      <LiveRegion />
      {switching && (
        <WhoAreYouDialog
          view={view}
          onCancel={() => setSwitching(false)}
          onChoose={async (choice) => {
            const error = await services.workspace.setLocalAnnotator(choice);
            if (error === null) {
              setSwitching(false);
              services.sessions.clear();
            }
            return error;
          }}
        />
      )}
      <Suspense fallback={null}>
        {dialog === 'export' && <ExportDialog view={view} onClose={closeDialog} />}
        {dialog === 'import-annotations' && <ImportAnnotationsDialog view={view} onClose={closeDialog} />}
        {dialog === 'claims' && <ClaimsDialog view={view} onClose={closeDialog} />}
        {dialog === 'actors' && <ActorsDialog onClose={closeDialog} />}
        {dialog === 'schema' && <SchemaEditor view={view} onClose={closeDialog} />}
        {dialog === 'link-picker' && <LinkPicker onClose={closeDialog} />}
        {dialog === 'attribute-picker' && <AttributePicker onClose={closeDialog} />}
        {dialog === 'accept-suggestions' && <AcceptSuggestionsDialog onClose={closeDialog} />}
        {dialog === 'agreement' && review !== null && (
          <AgreementDialog view={view} layers={[review.a, review.b]} onClose={closeDialog} />
        )}
        {dialog === 'palette' && <CommandPalette onClose={closeDialog} />}
        {dialog === 'shortcuts' && <ShortcutsSheet onClose={closeDialog} />}
        {dialog === 'settings' && <SettingsDialog view={view} onClose={closeDialog} />}
        {dialog === 'trash' && <TrashDialog onClose={closeDialog} />}
        {dialog === 'details' && phase.kind === 'ready' && (
          <DocumentDetailsDialog
            record={phase.session.record}
            title={
              view.documents.find((d) => d.id === phase.session.docId)?.title ?? phase.session.record.title
            }
            onClose={closeDialog}
          />
        )}
      </Suspense>
    </div>
  );
}
