// The document list (src/renderer/components): title, the analyst's status and span counts per label. It is
// virtualized (TanStack Virtual, rows measured as drawn), so a workspace of thousands of documents opens as
// fast as one of ten; the list keeps its semantics (each row says its place in the whole list). In a narrow
// window it becomes a drawer opened from the header, so the text keeps its width.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DocumentSummary, LabelDef } from '@shared/model';

export interface DocumentListProps {
  documents: readonly DocumentSummary[];
  labels: readonly LabelDef[];
  layer: string;
  openId: string | null;
  damaged: ReadonlySet<string>;
  drawerOpen: boolean;
  onOpen: (docId: DocumentSummary['id']) => void;
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
  onOpen: (docId: DocumentSummary['id']) => void;
}) {
  const { doc, labels, layer, open, damaged, onOpen } = props;
  const status = Object.hasOwn(doc.status, layer) ? doc.status[layer]! : 'new';
  const counts = Object.hasOwn(doc.spanCounts, layer) ? doc.spanCounts[layer]! : {};
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
            {label.name} {Object.hasOwn(counts, label.id) ? counts[label.id] : 0}
          </span>
        ))}
      </span>
    </button>
  );
}
