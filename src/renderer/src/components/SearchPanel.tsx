// The search panel (src/renderer/components): a query over this document or every document — plain, whole
// word, case-sensitive or a regular expression, over the text or over annotations (label, layer, quote, note,
// attributes, linked actor) — with progress and Cancel for the corpus, counts, and the hits as
// keyword-in-context lines in a virtualized listbox; Enter jumps to the current hit in the text.
import { useEffect, useRef, type FormEvent } from 'react';
import type { WorkspaceView } from '@shared/api';
import { annotationFields, type AnnotationField, type SearchQuery } from '@shared/search';
import { revealHit } from '../actions/search-actions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { SearchScope } from '../stores/search-store';
import { SearchHitList } from './SearchHitList';
import { SuggestHitsForm } from './SuggestHitsForm';
import { TaskProgress } from './TaskProgress';

const FIELD_NAMES: Record<AnnotationField, string> = {
  quote: 'quote',
  note: 'note',
  attributes: 'attributes',
  linked: 'linked span (actor)',
};

export function SearchPanel({ view }: { view: WorkspaceView }) {
  const services = useServices();
  const query = useStore(services.search.query);
  const state = useStore(services.search.state);
  const field = useRef<HTMLInputElement>(null);
  const change = (patch: Partial<SearchQuery>) => services.search.query.update((q) => ({ ...q, ...patch }));
  const setScope = (scope: SearchScope) => services.search.state.update((s) => ({ ...s, scope }));
  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void services.search.run(state.scope, services.sessions.openId);
  };
  const close = () => {
    void services.search.cancel();
    services.ui.searchOpen.set(false);
    services.editor.get()?.focus();
  };
  // No field chosen means every field, so the boxes start all ticked.
  const toggleField = (name: AnnotationField) => {
    const effective = query.fields.length === 0 ? annotationFields : query.fields;
    const next = effective.includes(name) ? effective.filter((f) => f !== name) : [...effective, name];
    change({ fields: next.length === annotationFields.length ? [] : next });
  };

  return (
    <section className="search-panel" role="search" aria-label="Search">
      <form onSubmit={submit} className="search-form">
        <div className="search-row">
          <label className="visually-hidden" htmlFor="search-pattern">
            Search for
          </label>
          <input
            id="search-pattern"
            ref={field}
            type="search"
            value={query.pattern}
            placeholder={query.target === 'annotations' ? 'Words (optional)' : 'Find…'}
            onChange={(event) => change({ pattern: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') close();
            }}
          />
          <button type="submit" className="primary">
            Search
          </button>
          <button type="button" onClick={close} aria-label="Close search">
            ×
          </button>
        </div>
        <fieldset className="search-options">
          <legend>Where</legend>
          <Radio name="scope" checked={state.scope === 'document'} onChange={() => setScope('document')}>
            This document
          </Radio>
          <Radio name="scope" checked={state.scope === 'corpus'} onChange={() => setScope('corpus')}>
            All documents
          </Radio>
          <Radio name="target" checked={query.target === 'text'} onChange={() => change({ target: 'text' })}>
            Text
          </Radio>
          <Radio
            name="target"
            checked={query.target === 'annotations'}
            onChange={() => change({ target: 'annotations' })}
          >
            Annotations
          </Radio>
        </fieldset>
        <fieldset className="search-options">
          <legend>How</legend>
          <Radio name="mode" checked={query.mode === 'plain'} onChange={() => change({ mode: 'plain' })}>
            Plain
          </Radio>
          <Radio name="mode" checked={query.mode === 'word'} onChange={() => change({ mode: 'word' })}>
            Whole word
          </Radio>
          <Radio name="mode" checked={query.mode === 'regex'} onChange={() => change({ mode: 'regex' })}>
            Regular expression
          </Radio>
          <label className="filter-toggle">
            <input
              type="checkbox"
              checked={query.caseSensitive}
              onChange={(event) => change({ caseSensitive: event.target.checked })}
            />
            Match case
          </label>
        </fieldset>
        {query.target === 'annotations' && (
          <AnnotationFilters view={view} query={query} onChange={change} onToggleField={toggleField} />
        )}
      </form>
      <TaskProgress kind="search" />
      <SearchSummary />
      <SuggestHitsForm view={view} />
      <SearchHitList
        hits={state.hits}
        active={state.active}
        labels={view.labelSchema.labels}
        onChoose={(index) => {
          const hit = services.search.select(index);
          if (hit !== undefined) void revealHit(services, hit);
        }}
        onSelect={(index) => services.search.select(index)}
      />
    </section>
  );
}

function Radio(props: { name: string; checked: boolean; onChange: () => void; children: string }) {
  return (
    <label className="filter-toggle">
      <input type="radio" name={`search-${props.name}`} checked={props.checked} onChange={props.onChange} />
      {props.children}
    </label>
  );
}

function AnnotationFilters(props: {
  view: WorkspaceView;
  query: SearchQuery;
  onChange: (patch: Partial<SearchQuery>) => void;
  onToggleField: (field: AnnotationField) => void;
}) {
  const { view, query, onChange, onToggleField } = props;
  const layers = [...view.annotators.map((a) => ({ id: a.id, name: a.name })), { id: 'gold', name: 'Gold' }];
  return (
    <fieldset className="search-options">
      <legend>Annotations</legend>
      <label className="field-inline">
        Label
        <select
          value={query.labels[0] ?? ''}
          onChange={(event) => onChange({ labels: event.target.value === '' ? [] : [event.target.value] })}
        >
          <option value="">any label</option>
          {view.labelSchema.labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        Layer
        <select
          value={query.layers[0] ?? ''}
          onChange={(event) => onChange({ layers: event.target.value === '' ? [] : [event.target.value] })}
        >
          <option value="">any layer</option>
          {layers.map((layer) => (
            <option key={layer.id} value={layer.id}>
              {layer.name}
            </option>
          ))}
        </select>
      </label>
      <span className="hint">Words must match in:</span>
      {annotationFields.map((name) => (
        <label key={name} className="filter-toggle">
          <input
            type="checkbox"
            checked={query.fields.length === 0 || query.fields.includes(name)}
            onChange={() => onToggleField(name)}
          />
          {FIELD_NAMES[name]}
        </label>
      ))}
    </fieldset>
  );
}

function SearchSummary() {
  const services = useServices();
  const state = useStore(services.search.state);
  if (state.status === 'failed') return <p role="alert">{state.error}</p>;
  if (state.status === 'idle') return null;
  const count = state.hits.length;
  const where =
    state.result === null
      ? ''
      : state.scope === 'corpus'
        ? ` in ${state.result.documentsWithHits} of ${state.result.documents} documents`
        : '';
  const text =
    state.status === 'running'
      ? `Searching… ${count} hits so far`
      : state.status === 'cancelled'
        ? `Search cancelled after ${count} hits`
        : `${count} hit${count === 1 ? '' : 's'}${where}${state.result?.truncated === true ? ' (stopped at the limit: narrow the search)' : ''}`;
  return (
    <p className="search-summary" role="status">
      {text}
    </p>
  );
}
