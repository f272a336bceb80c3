// Who is working (src/renderer/components): asked the first time this user opens a workspace, and whenever
// they switch analyst. A new name creates the user's own layer; an analyst already in the workspace is offered
// only as an explicit "Continue as …" (the same person on another machine), never chosen for them — so a
// workspace copied to a colleague never writes into someone else's layer.
import { useState, type FormEvent } from 'react';
import type { WorkspaceView } from '@shared/api';
import type { AnnotatorId } from '@shared/model';

export interface WhoAreYouProps {
  view: WorkspaceView;
  onChoose: (choice: { name: string } | { annotatorId: AnnotatorId }) => Promise<string | null>;
  /** Present when switching (the dialog can be closed without a choice). */
  onCancel?: () => void;
}

export function WhoAreYouDialog({ view, onChoose, onCancel }: WhoAreYouProps) {
  const [name, setName] = useState(view.analystNameHint ?? '');
  const [error, setError] = useState<string | null>(null);
  const others = view.annotators.filter((a) => a.id !== view.localAnnotator?.id);
  const choose = async (choice: { name: string } | { annotatorId: AnnotatorId }) =>
    setError(await onChoose(choice));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void choose({ name: name.trim() });
  };
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="who-title" onSubmit={submit}>
        <h1 id="who-title">{onCancel === undefined ? 'Welcome to Tagwright' : 'Switch analyst'}</h1>
        <p>
          Your tags are kept in a layer under your name, so colleagues can compare and review them later. This
          is remembered for this workspace on this computer.
        </p>
        <label className="field">
          Your name
          <input value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={80} />
        </label>
        {error !== null && <p role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Start tagging
        </button>
        {others.length > 0 && (
          <section aria-label="Analysts already in this workspace">
            <p>Already in this workspace — choose one only if it is you:</p>
            <ul className="analyst-choices">
              {others.map((analyst) => (
                <li key={analyst.id}>
                  <button type="button" onClick={() => void choose({ annotatorId: analyst.id })}>
                    Continue as {analyst.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </form>
    </div>
  );
}
