// Canonical actors (src/renderer/components): every actor named in the workspace — by its canonical name, or
// its quote when it has none — with how often the analyst tagged it and as what; choose one to rename it, or
// several to merge them under one name ("Erdogan", "Ankara" → "Recep Tayyip Erdogan"). The change reaches
// every document of the analyst's layer at once, and Undo / Redo take it back or make it again.
import { useEffect, useState } from 'react';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { Modal } from './Modal';

export function ActorsDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const store = services.actors;
  const actors = useStore(store.actors);
  const history = useStore(store.history);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void store.load(), [store]);

  const run = async (work: () => Promise<string | null>, said: string) => {
    setBusy(true);
    setError(null);
    const problem = await work();
    setBusy(false);
    if (problem !== null) return setError(problem);
    services.announcer.say(said);
  };
  const toggle = (actor: string) => {
    const next = new Set(chosen);
    if (next.has(actor)) next.delete(actor);
    else next.add(actor);
    setChosen(next);
    if (next.size === 1 && name === '') setName(actor);
  };
  const rename = () =>
    run(
      async () => {
        const problem = await store.rename([...chosen], name.trim());
        if (problem === null) setChosen(new Set());
        return problem;
      },
      `${chosen.size > 1 ? 'Merged' : 'Renamed'} into ${name.trim()}`,
    );
  const lastUndo = history.undo.at(-1);
  const lastRedo = history.redo.at(-1);

  return (
    <Modal title="Actors" onClose={onClose} busy={busy}>
      <div className="modal-body actors-dialog">
        <p className="hint">
          Choose one actor to rename it, or several to merge them under one name. Only your own layer changes,
          in every document.
        </p>
        {actors === null && <p className="hint">Reading every document…</p>}
        {actors !== null && actors.length === 0 && <p className="hint">No actors tagged yet.</p>}
        <ul className="actor-list" aria-label="Actors in the workspace">
          {(actors ?? []).map((actor) => (
            <li key={actor.name}>
              <label className="filter-toggle">
                <input type="checkbox" checked={chosen.has(actor.name)} onChange={() => toggle(actor.name)} />
                <strong>{actor.name}</strong>
                <span className="hint">
                  {actor.spans} span{actor.spans === 1 ? '' : 's'} in {actor.documents} document
                  {actor.documents === 1 ? '' : 's'}
                  {actor.elsewhere > 0 && `, ${actor.elsewhere} in other layers`} · {actor.quotes.join(', ')}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <div className="claims-filters">
          <label className="field-inline">
            Canonical name
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || chosen.size === 0 || name.trim() === ''}
            onClick={() => void rename()}
          >
            {chosen.size > 1 ? `Merge ${chosen.size} actors` : 'Rename'}
          </button>
        </div>
        {error !== null && <p role="alert">{error}</p>}
      </div>
      <footer className="modal-footer">
        <button
          type="button"
          disabled={busy || lastUndo === undefined}
          onClick={() => void run(store.undo, `Undone: ${lastUndo?.label ?? ''}`)}
        >
          {lastUndo === undefined ? 'Undo' : `Undo “${lastUndo.label}”`}
        </button>
        <button
          type="button"
          disabled={busy || lastRedo === undefined}
          onClick={() => void run(store.redo, `Redone: ${lastRedo?.label ?? ''}`)}
        >
          {lastRedo === undefined ? 'Redo' : `Redo “${lastRedo.label}”`}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          Close
        </button>
      </footer>
    </Modal>
  );
}
