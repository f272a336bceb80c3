// The workspace's trash (src/renderer/components): deleted documents, newest first, each with who deleted it
// and when, and Restore (which brings it back with all its layers, or says why it cannot).
import { useEffect, useState } from 'react';
import type { TrashedDocument } from '@shared/api';
import type { DocId } from '@shared/model';
import { useServices } from '../hooks/use-services';
import { Modal } from './Modal';

export function TrashDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const [trashed, setTrashed] = useState<TrashedDocument[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void services.workspace.trash().then(setTrashed), [services]);
  const restore = async (doc: TrashedDocument) => {
    const problem = await services.workspace.restore(doc.id as DocId);
    if (problem !== null) return setMessage(problem);
    setTrashed((current) => (current ?? []).filter((t) => t.id !== doc.id));
    setMessage(`Restored “${doc.title}”.`);
  };
  return (
    <Modal title="Deleted documents" onClose={onClose}>
      <div className="modal-body">
        {trashed === null && <p className="hint">Reading the trash…</p>}
        {trashed?.length === 0 && <p>The trash is empty.</p>}
        {trashed !== null && trashed.length > 0 && (
          <ul className="trash-list">
            {trashed.map((doc) => (
              <li key={doc.id}>
                <span>
                  <strong>{doc.title}</strong>{' '}
                  <span className="hint">
                    deleted by {doc.deletedBy}, {new Date(doc.deletedAt).toLocaleString()}
                  </span>
                </span>
                <button type="button" onClick={() => void restore(doc)} aria-label={`Restore ${doc.title}`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
        {message !== null && <p role="status">{message}</p>}
      </div>
    </Modal>
  );
}
