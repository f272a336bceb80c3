// First run (src/renderer/components): asks the analyst's name once; it names their annotation layer.
import { useState, type FormEvent } from 'react';

export function FirstRunDialog({ onSubmit }: { onSubmit: (name: string) => Promise<string | null> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await onSubmit(name));
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="first-run-title"
        onSubmit={submit}
      >
        <h1 id="first-run-title">Welcome to Tagwright</h1>
        <p>Your tags are kept in a layer under your name, so colleagues can compare and review them later.</p>
        <label className="field">
          Your name
          <input value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={80} />
        </label>
        {error !== null && <p role="alert">{error}</p>}
        <button type="submit" disabled={name.trim() === ''}>
          Start tagging
        </button>
      </form>
    </div>
  );
}
