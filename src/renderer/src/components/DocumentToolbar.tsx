// The toolbar above the text (src/renderer/components): undo and redo (enabled by the same `when` as their
// keys), and the analyst's status for this document.
import type { DocumentStatus } from '@shared/model';
import { documentStatuses } from '@shared/model';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { useStoreAfterPaint } from '../hooks/use-store-after-paint';
import { CommandButton } from './CommandButton';
import type { DocumentSession } from '../stores/document-session';

const STATUS_TEXT: Record<DocumentStatus, string> = {
  new: 'New',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export interface DocumentToolbarProps {
  session: DocumentSession;
  status: DocumentStatus;
  onStatus: (status: DocumentStatus) => void;
}

export function DocumentToolbar({ session, status, onStatus }: DocumentToolbarProps) {
  useStoreAfterPaint(session.version);
  useStore(useServices().commands.version);
  return (
    <div className="document-toolbar">
      <CommandButton id="edit.undo" label="Undo" />
      <CommandButton id="edit.redo" label="Redo" />
      <CommandButton id="document.details" label="Details…" />
      <CommandButton id="document.done-next" label="Done, next" />
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
