// The toolbar above the text (src/renderer/components): undo and redo (enabled by the same `when` as their
// keys), and the analyst's status for this document.
import type { DocumentStatus } from '@shared/model';
import { documentStatuses } from '@shared/model';
import { ariaChord, formatChord } from '../commands/keys';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { useStoreAfterPaint } from '../hooks/use-store-after-paint';
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

function CommandButton({ id, label }: { id: string; label: string }) {
  const services = useServices();
  const command = services.commands.get(id);
  const key = command?.keys[0];
  return (
    <button
      type="button"
      onClick={() => services.commands.run(id, services.context())}
      disabled={!services.commands.canRun(id, services.context())}
      aria-keyshortcuts={key === undefined ? undefined : ariaChord(key)}
      title={key === undefined ? command?.title : `${command?.title} (${formatChord(key)})`}
    >
      {label}
    </button>
  );
}

export function DocumentToolbar({ session, status, onStatus }: DocumentToolbarProps) {
  useStoreAfterPaint(session.version);
  useStore(useServices().commands.version);
  return (
    <div className="document-toolbar">
      <CommandButton id="edit.undo" label="Undo" />
      <CommandButton id="edit.redo" label="Redo" />
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
