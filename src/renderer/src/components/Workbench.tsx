// The workbench layout (src/renderer/components): document list, the open document with its palette and
// toolbar, and the span panel. Opens the first document on arrival so there is something to tag at once.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { WorkspaceView } from '@shared/api';
import { ownEntry, type Annotator, type DocId } from '@shared/model';
import { applyLabel } from '../actions/tag-actions';
import type { DocumentEditor } from '../editor/document-editor';
import { installLabelStyles } from '../editor/label-styles';
import { useDocumentNavigation } from '../hooks/use-document-navigation';
import { useStore } from '../hooks/use-store';
import { documentPhase, openDocument } from '../stores/annotation-store';
import { workspaceStore } from '../stores/workspace-store';
import { DocumentList } from './DocumentList';
import { DocumentToolbar } from './DocumentToolbar';
import { DocumentView } from './DocumentView';
import { ImportControls } from './ImportControls';
import { LabelPalette } from './LabelPalette';
import { NoticeBanner } from './NoticeBanner';
import { damagedDocumentIds, ProblemsBanner } from './ProblemsBanner';
import { SaveStatus } from './SaveStatus';
import { SpanInspector } from './SpanInspector';
import { SpanPanel } from './SpanPanel';

export function Workbench({ view, analyst }: { view: WorkspaceView; analyst: Annotator }) {
  const phase = useStore(documentPhase);
  const notice = useStore(workspaceStore.notice);
  const importing = useStore(workspaceStore.importing);
  const editorRef = useRef<DocumentEditor | null>(null);
  const labels = view.labelSchema.labels;
  const openId = phase.kind === 'ready' ? phase.state.doc.id : phase.kind === 'none' ? null : phase.docId;

  useEffect(() => installLabelStyles(labels), [labels]);
  const open = useCallback((docId: DocId) => void openDocument(docId, analyst.id), [analyst.id]);
  const damaged = useMemo(() => damagedDocumentIds(view.problems), [view.problems]);
  useEffect(() => {
    const first = view.documents.find((d) => !damaged.has(d.id));
    if (openId === null && first !== undefined) open(first.id);
  }, [openId, view.documents, open, damaged]);
  useDocumentNavigation(view.documents, openId, open);
  const onEditor = useCallback((editor: DocumentEditor | null) => (editorRef.current = editor), []);
  const onLabel = (labelId: string, exact: boolean) => {
    if (editorRef.current !== null) applyLabel(editorRef.current, labelId, exact);
    editorRef.current?.focus();
  };
  const onFiles = useCallback((files: File[]) => void workspaceStore.importFiles(files), []);

  const state = phase.kind === 'ready' ? phase.state : null;
  const summary = view.documents.find((d) => d.id === openId);
  const focused = state?.spans.find((s) => s.id === state.focusedId) ?? null;
  return (
    <div className="workbench">
      <header className="app-header">
        <strong className="brand">Tagwright</strong>
        <span className="workspace-path" title={view.path}>
          {view.path}
        </span>
        <span className="analyst">Analyst: {analyst.name}</span>
        <SaveStatus />
        <ImportControls busy={importing} onFiles={onFiles} />
      </header>
      <ProblemsBanner problems={view.problems} />
      {notice !== null && <NoticeBanner notice={notice} onDismiss={workspaceStore.dismissNotice} />}
      <div className="columns">
        <DocumentList
          documents={view.documents}
          labels={labels}
          layer={analyst.id}
          openId={openId}
          damaged={damaged}
          onOpen={open}
        />
        <main className="document-pane" aria-label="Document">
          {state !== null && (
            <>
              <h1 className="document-heading">{state.doc.title}</h1>
              <div className="document-bar">
                <LabelPalette labels={labels} onLabel={onLabel} />
                <DocumentToolbar
                  status={(summary && ownEntry(summary.status, analyst.id)) ?? 'new'}
                  onStatus={(status) => void workspaceStore.setStatus(state.doc.id, status)}
                />
              </div>
              <DocumentView docId={state.doc.id} labelSchema={view.labelSchema} onEditor={onEditor} />
            </>
          )}
          {phase.kind === 'loading' && <p className="placeholder">Opening…</p>}
          {phase.kind === 'failed' && <p role="alert">This document could not be opened: {phase.message}</p>}
          {phase.kind === 'none' && <p className="placeholder">Import a document to start tagging.</p>}
        </main>
        <aside className="side-panel" aria-label="Annotations">
          {focused !== null && <SpanInspector span={focused} labels={labels} />}
          {state !== null && <SpanPanel spans={state.spans} focusedId={state.focusedId} labels={labels} />}
          <p className="key-help">
            Keys: {labels.map((l) => `${l.hotkey ?? ''} ${l.name}`).join(' · ')} · Alt+key exact · n/p
            next/previous span · Delete remove · Esc deselect · Ctrl+Z undo · Shift+Ctrl+Z redo · Alt+↓/↑
            next/previous document
          </p>
        </aside>
      </div>
    </div>
  );
}
