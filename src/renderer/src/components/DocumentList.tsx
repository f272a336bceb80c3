// The document list (src/renderer/components): title, the analyst's status and span counts per label. In a
// narrow window it becomes a drawer opened from the header, so the text keeps its width.
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
  const review = new Map((reviewCounts?.documents ?? []).map((entry) => [entry.docId, entry]));
  return (
    <nav
      className={`document-list${drawerOpen ? ' drawer-open' : ''}`}
      aria-label="Documents"
      id="document-list"
    >
      <h2>Documents ({documents.length})</h2>
      <ul>
        {documents.map((doc) => {
          // Layer ids are user data: "constructor" must not find Object.prototype.constructor.
          const status = ownEntry(doc.status, layer) ?? 'new';
          const counts = ownEntry(doc.spanCounts, layer) ?? {};
          return (
            <li key={doc.id}>
              <button
                type="button"
                className="document-item"
                aria-current={doc.id === openId ? 'page' : undefined}
                onClick={() => onOpen(doc.id)}
              >
                <span className="document-title">{doc.title}</span>
                {damaged.has(doc.id) ? (
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
                {review.has(doc.id) && <ReviewCounts entry={review.get(doc.id)!} />}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
