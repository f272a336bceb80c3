// "Tag all hits as …" under the search results (src/renderer/components): the text hits of the search become
// suggestions of the chosen label, which the analyst then accepts or rejects one by one — nothing is tagged
// in bulk. Shown only when there are text hits and the analyst's own layer is open to take them.
import { useState, type FormEvent } from 'react';
import type { WorkspaceView } from '@shared/api';
import { suggestHits } from '../actions/hit-suggestions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function SuggestHitsForm({ view }: { view: WorkspaceView }) {
  const services = useServices();
  const state = useStore(services.search.state);
  const query = useStore(services.search.query);
  const phase = useStore(services.sessions.phase);
  const labels = view.labelSchema.labels;
  const [labelId, setLabelId] = useState(labels[0]?.id ?? '');
  const label = labels.find((l) => l.id === labelId) ?? labels[0];
  const textHits = state.hits.filter((hit) => hit.span === undefined).length;
  const editable = phase.kind === 'ready' && phase.session.editableLayer !== null;
  const finished = state.status === 'done' || state.status === 'cancelled';
  if (!finished || textHits === 0 || !editable || label === undefined) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    suggestHits(services, state.hits, label, query.pattern);
  };
  return (
    <form className="search-suggest" aria-label="Tag all hits as" onSubmit={submit}>
      <label className="field-inline">
        Tag all hits as
        <select value={label.id} onChange={(event) => setLabelId(event.target.value)}>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">
        Suggest {textHits} hit{textHits === 1 ? '' : 's'}
      </button>
      <span className="hint">Each hit becomes a suggestion to accept (Y) or reject (X) one by one.</span>
    </form>
  );
}
