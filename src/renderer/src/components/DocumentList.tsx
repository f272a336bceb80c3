// The document list (src/renderer/components): title, the analyst's status and span counts per label (and in
// review mode how two layers compare). It is virtualized (TanStack Virtual, rows measured as drawn), so a
// workspace of thousands of documents opens as fast as one of ten; the list keeps its semantics (each row says
// its place in the whole list). In a narrow window it becomes a drawer opened from the header.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { CompareSummary } from '@shared/api';
import { ownEntry, type DocumentSummary, type LabelDef } from '@shared/model';

export interface DocumentListProps {
  documents: readonly DocumentSummary[];
  labels: readonly LabelDef[];
  layer: string;
  openId: string | null;
  damaged: ReadonlySet<string>;
  drawerOpen: boolean;
  /** In review mode: per document, how the two layers compare and how much is settled in gold. */
  reviewCounts?: CompareSummary | null;
  onOpen: (docId: DocumentSummary['id']) => void;
}

function ReviewCounts({ entry }: { entry: CompareSummary['documents'][number] }) {
  const { counts } = entry;
  const disagree = counts.boundary + counts.label + counts['only-a'] + counts['only-b'];
  return (
    <span className="document-review">
      review: {entry.settled}/{entry.items} settled · {counts.match} agree · {disagree} disagree
      {disagree > 0 &&
        ` (boundary ${counts.boundary}, label ${counts.label}, only A ${counts['only-a']}, only B ${counts['only-b']})`}
    </span>
  );
}

const STATUS_TEXT = { new: 'new', 'in-progress': 'in progress', done: 'done', skipped: 'skipped' } as const;
/** A row with a one-line title, its status and one line of counts (rows are measured once drawn). */
const ROW_ESTIMATE = 84;

export function DocumentList({
  documents,
  labels,
  layer,
  openId,
  damaged,
  drawerOpen,
  reviewCounts,
  onOpen,
}: DocumentListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => documents[index]!.id,
    overscan: 4,
  });
  const openIndex = documents.findIndex((doc) => doc.id === openId);
  useEffect(() => {
    if (openIndex >= 0) virtualizer.scrollToIndex(openIndex, { align: 'auto' });
  }, [openIndex, virtualizer]);

  const review = new Map((reviewCounts?.documents ?? []).map((entry) => [entry.docId, entry]));
  return (
    <nav
      className={`document-list${drawerOpen ? ' drawer-open' : ''}`}
      aria-label="Documents"
      id="document-list"
    >
      <h2>Documents ({documents.length})</h2>
      <div className="document-list-scroll" ref={scroller}>
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const doc = documents[item.index]!;
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-setsize={documents.length}
                aria-posinset={item.index + 1}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <DocumentRow
                  doc={doc}
                  labels={labels}
                  layer={layer}
                  open={doc.id === openId}
                  damaged={damaged.has(doc.id)}
                  review={review.get(doc.id)}
                  onOpen={onOpen}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

function DocumentRow(props: {
  doc: DocumentSummary;
  labels: readonly LabelDef[];
  layer: string;
  open: boolean;
  damaged: boolean;
  review: CompareSummary['documents'][number] | undefined;
  onOpen: (docId: DocumentSummary['id']) => void;
}) {
  const { doc, labels, layer, open, damaged, review, onOpen } = props;
  // Layer ids are user data: "constructor" must not find Object.prototype.constructor.
  const status = ownEntry(doc.status, layer) ?? 'new';
  const counts = ownEntry(doc.spanCounts, layer) ?? {};
  return (
    <button
      type="button"
      className="document-item"
      aria-current={open ? 'page' : undefined}
      onClick={() => onOpen(doc.id)}
    >
      <span className="document-title">{doc.title}</span>
      {damaged ? (
        <span className="status-badge status-damaged">damaged: see the message above</span>
      ) : (
        <span className={`status-badge status-${status}`}>{STATUS_TEXT[status]}</span>
      )}
      <span className="document-counts">
        {labels.map((label) => (
          <span key={label.id} className={`count tw-chip-${label.id}`} title={label.name}>
            {label.name} {ownEntry(counts, label.id) ?? 0}
          </span>
        ))}
      </span>
      {review !== undefined && <ReviewCounts entry={review} />}
    </button>
  );
}
