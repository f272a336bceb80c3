// Accepting every suggestion of one label in the open document (src/renderer/components), after a look: the
// labels that have suggestions, with how many each, and a button that says how many it will tag. It is one
// undo step, so a wrong choice is one Ctrl+Z away.
import { useState } from 'react';
import { useServices } from '../hooks/use-services';
import { Modal } from './Modal';

export function AcceptSuggestionsDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const session = services.sessions.current;
  const list = session === null ? [] : services.suggestions.list(session.docId);
  const labels = (services.workspace.labelSchema()?.labels ?? [])
    .map((label) => ({ ...label, count: list.filter((s) => s.label === label.id).length }))
    .filter((label) => label.count > 0);
  const [chosen, setChosen] = useState(labels[0]?.id ?? null);
  const label = labels.find((l) => l.id === chosen);
  const accept = () => {
    if (session === null || label === undefined) return;
    const tagged = services.suggestions.acceptAll(session, label.id);
    services.announcer.say(`Accepted ${tagged} ${label.name} suggestion${tagged === 1 ? '' : 's'}.`);
    onClose();
  };
  return (
    <Modal title="Accept suggestions" onClose={onClose}>
      <div className="modal-body">
        <fieldset>
          <legend>Which label?</legend>
          {labels.map((l) => (
            <label key={l.id} className="choice">
              <input
                type="radio"
                name="accept-label"
                checked={chosen === l.id}
                onChange={() => setChosen(l.id)}
              />
              {l.name} ({l.count})
            </label>
          ))}
        </fieldset>
        {labels.length === 0 && <p>There are no suggestions in this document.</p>}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={label === undefined} onClick={accept}>
          {label === undefined
            ? 'Accept'
            : `Accept ${label.count} ${label.name} suggestion${label.count === 1 ? '' : 's'}`}
        </button>
      </footer>
    </Modal>
  );
}
