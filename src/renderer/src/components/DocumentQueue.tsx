// The document queue (src/renderer/components): filters (status, words in the title or metadata, import
// batch), sort (import order, title, status, a label's count, a metadata field) and each analyst's progress
// over the corpus, above the document list, which it feeds the documents to show in their order.
import { useMemo } from 'react';
import type { CompareSummary, WorkspaceView } from '@shared/api';
import { documentStatuses, type Annotator, type DocId } from '@shared/model';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import {
  importBatches,
  metaKeys,
  progressByAnalyst,
  queueDocuments,
  type QueueSort,
  type QueueView,
} from '../stores/document-queue';
import { DocumentList } from './DocumentList';

export interface DocumentQueueProps {
  view: WorkspaceView;
  analyst: Annotator;
  openId: string | null;
  damaged: ReadonlySet<string>;
  drawerOpen: boolean;
  onOpen: (docId: DocId) => void;
  /** Compare counts per document while a review is open. */
  reviewCounts?: CompareSummary | null;
}

const STATUS_FILTERS: { value: QueueView['status']; name: string }[] = [
  { value: 'all', name: 'Any status' },
  { value: 'unfinished', name: 'Unfinished (new or in progress)' },
  ...documentStatuses.map((status) => ({ value: status, name: status.replace('-', ' ') })),
];

export function DocumentQueue(props: DocumentQueueProps) {
  const { view, analyst, openId, damaged, drawerOpen, onOpen, reviewCounts } = props;
  const services = useServices();
  const queue = useStore(services.queue.view);
  const shown = useMemo(
    () => queueDocuments(view.documents, queue, analyst.id),
    [view.documents, queue, analyst.id],
  );
  const keys = useMemo(() => metaKeys(view.documents), [view.documents]);
  const batches = useMemo(() => importBatches(view.documents), [view.documents]);
  const labels = view.labelSchema.labels;
  const sorts: { value: QueueSort; name: string }[] = [
    { value: 'import', name: 'Import order' },
    { value: 'title', name: 'Title' },
    { value: 'status', name: 'My status' },
    ...labels.map((label) => ({ value: `label:${label.id}` as QueueSort, name: `${label.name} count` })),
    ...keys.map((key) => ({ value: `meta:${key}` as QueueSort, name: `Metadata: ${key}` })),
  ];
  return (
    <div className={`document-column${drawerOpen ? ' drawer-open' : ''}`}>
      <section className="queue-controls" aria-label="Filter and sort documents">
        <label className="field">
          Filter by title or metadata
          <input
            type="search"
            value={queue.text}
            onChange={(event) => services.queue.change({ text: event.target.value })}
          />
        </label>
        <label className="field">
          Filter by status
          <select
            value={queue.status}
            onChange={(event) => services.queue.change({ status: event.target.value as QueueView['status'] })}
          >
            {STATUS_FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        {batches.length > 1 && (
          <label className="field">
            Import batch
            <select
              value={queue.batch}
              onChange={(event) => services.queue.change({ batch: event.target.value })}
            >
              <option value="all">All batches</option>
              {batches.map(({ batch, count }) => (
                <option key={batch} value={batch}>
                  {formatBatch(batch)} ({count})
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="queue-sort">
          <label className="field">
            Sort by
            <select
              value={queue.sort}
              onChange={(event) => services.queue.change({ sort: event.target.value as QueueSort })}
            >
              {sorts.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-toggle">
            <input
              type="checkbox"
              checked={queue.descending}
              onChange={(event) => services.queue.change({ descending: event.target.checked })}
            />
            Descending
          </label>
        </div>
        {shown.length !== view.documents.length && (
          <p className="hint" role="status">
            Showing {shown.length} of {view.documents.length}
          </p>
        )}
        <AnalystProgress view={view} />
      </section>
      <DocumentList
        reviewCounts={reviewCounts ?? null}
        documents={shown}
        labels={labels}
        layer={analyst.id}
        openId={openId}
        damaged={damaged}
        drawerOpen={drawerOpen}
        onOpen={onOpen}
      />
    </div>
  );
}

function AnalystProgress({ view }: { view: WorkspaceView }) {
  const rows = progressByAnalyst(view.documents, view.annotators);
  if (rows.length === 0 || view.documents.length === 0) return null;
  return (
    <details className="analyst-progress">
      <summary>Progress by analyst</summary>
      <ul>
        {rows.map((row) => (
          <li key={row.annotator.id}>
            <label>
              {row.annotator.name}: {row.done} of {row.total} done
              {row.inProgress > 0 && `, ${row.inProgress} in progress`}
              {row.skipped > 0 && `, ${row.skipped} skipped`}
              <progress max={row.total} value={row.done} />
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

function formatBatch(batch: string): string {
  const date = new Date(batch);
  return Number.isNaN(date.getTime()) ? batch : date.toLocaleString();
}
