// The toolbar above the text (src/renderer/components): undo/redo and the analyst's status for this document.
import type { DocumentStatus } from '@shared/model';
import { documentStatuses } from '@shared/model';
import { useStore } from '../hooks/use-store';
import { canRedo, canUndo, historyVersion, redo, undo } from '../stores/annotation-store';

const STATUS_TEXT: Record<DocumentStatus, string> = {
  new: 'New',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export interface DocumentToolbarProps {
  status: DocumentStatus;
  onStatus: (status: DocumentStatus) => void;
}

export function DocumentToolbar({ status, onStatus }: DocumentToolbarProps) {
  useStore(historyVersion);
  return (
    <div className="document-toolbar">
      <button
        type="button"
        onClick={() => undo()}
        disabled={!canUndo()}
        aria-keyshortcuts="Control+Z"
        title="Undo (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => redo()}
        disabled={!canRedo()}
        aria-keyshortcuts="Control+Shift+Z"
        title="Redo (Shift+Ctrl+Z)"
      >
        Redo
      </button>
      <label className="field-inline">
        My status
        <select value={status} onChange={(event) => onStatus(event.target.value as DocumentStatus)}>
          {documentStatuses.map((value) => (
            <option key={value} value={value}>
              {STATUS_TEXT[value]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
