// The document list (src/renderer/components): title, the analyst's status and span counts per label. In a
// narrow window it becomes a drawer opened from the header, so the text keeps its width.
import { ownEntry, type DocumentSummary, type LabelDef } from '@shared/model';

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

export function DocumentList({
  documents,
  labels,
  layer,
  openId,
  damaged,
  drawerOpen,
  onOpen,
}: DocumentListProps) {
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
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
