// The claims table (src/renderer/components): one row per claim frame of the open document or of the whole
// corpus, for a chosen layer; filters by actor, attribute value and document; a row opens the text at its
// claim; "Download CSV" writes exactly the frame table frames.csv holds. Tabs show the corpus view: claims
// by actor over time, and the claims two actors contest.
import { useEffect, useMemo, useState } from 'react';
import type { WorkspaceView } from '@shared/api';
import { framesCsv } from '@shared/formats/annotations/csv';
import {
  documentFrames,
  ownEntry,
  speakerTypes,
  speakersOf,
  type DocId,
  type FrameRow,
  type LabelSchema,
  type LayerId,
} from '@shared/model';
import { offerTextDownload } from '../actions/download';
import { useServices } from '../hooks/use-services';
import { ClaimsTable, MAX_TABLE_ROWS } from './ClaimsTable';
import { ClaimsByActorTable, ContestedClaims } from './CorpusClaims';
import { Modal } from './Modal';

type Scope = 'document' | 'corpus';
type View = 'table' | 'by-actor' | 'contested';

export function ClaimsDialog({ view, onClose }: { view: WorkspaceView; onClose: () => void }) {
  const services = useServices();
  const session = services.sessions.current;
  const mine = view.localAnnotator?.id ?? '';
  const schema = view.labelSchema;
  const speakers = useMemo(() => speakerTypes(schema), [schema]);
  const [scope, setScope] = useState<Scope>(session === null ? 'corpus' : 'document');
  const [tab, setTab] = useState<View>('table');
  const [layer, setLayer] = useState<string>(mine);
  const [corpus, setCorpus] = useState<FrameRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState({ actor: '', attribute: '', document: '' });
  const needsCorpus = scope === 'corpus' || tab !== 'table';

  useEffect(() => {
    if (!needsCorpus) return;
    let live = true;
    void services.claims.corpus([layer]).then((result) => {
      if (!live) return;
      if (typeof result === 'string') setError(result);
      else setCorpus(result.rows);
    });
    return () => {
      live = false;
    };
  }, [services, layer, needsCorpus]);

  const rows = useMemo(() => {
    if (scope === 'corpus' || tab !== 'table') return corpus ?? [];
    if (session === null || !session.layerIds().includes(layer as LayerId)) return [];
    return documentFrames(session.record, layer, session.layer(layer as LayerId), schema);
  }, [scope, tab, corpus, session, layer, schema]);
  const choices = useMemo(() => filterChoices(rows, speakers, schema), [rows, speakers, schema]);
  const shown = rows.filter((row) => matches(row, filters, speakers));

  const openRow = async (row: FrameRow) => {
    onClose();
    if (row.layer !== mine && !services.ui.extraLayers.get().has(row.layer as LayerId))
      services.ui.toggleExtraLayer(row.layer as LayerId);
    await services.sessions.open(row.docId as DocId);
    services.sessions
      .session(row.docId as DocId)
      ?.focus({ layer: row.layer as LayerId, spanId: row.target.id });
  };
  const layers = [
    ...view.annotators.map((a) => ({ id: a.id, name: a.id === mine ? `${a.name} (mine)` : a.name })),
    { id: 'gold', name: 'Gold' },
  ];

  return (
    <Modal title="Claims" onClose={onClose}>
      <div className="modal-body claims-dialog">
        <div className="claims-filters">
          <div role="tablist" aria-label="Claims views" className="side-tabs">
            {(['table', 'by-actor', 'contested'] as const).map((id) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
                {id === 'table' ? 'Table' : id === 'by-actor' ? 'Claims by actor' : 'Contested'}
              </button>
            ))}
          </div>
          <label className="field-inline">
            Layer
            <select value={layer} onChange={(event) => setLayer(event.target.value)}>
              {layers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          {tab === 'table' && (
            <fieldset className="check-group">
              <legend>Claims of</legend>
              <label className="filter-toggle">
                <input
                  type="radio"
                  name="claims-scope"
                  disabled={session === null}
                  checked={scope === 'document'}
                  onChange={() => setScope('document')}
                />
                this document
              </label>
              <label className="filter-toggle">
                <input
                  type="radio"
                  name="claims-scope"
                  checked={scope === 'corpus'}
                  onChange={() => setScope('corpus')}
                />
                all documents
              </label>
            </fieldset>
          )}
        </div>
        {error !== null && <p role="alert">{error}</p>}
        {needsCorpus && corpus === null && error === null && <p className="hint">Reading every document…</p>}
        {tab === 'table' && (
          <>
            <div className="claims-filters">
              <Choice
                label="Actor"
                value={filters.actor}
                options={choices.actors}
                onChange={(actor) => setFilters({ ...filters, actor })}
              />
              <Choice
                label="Attribute"
                value={filters.attribute}
                options={choices.attributes}
                onChange={(attribute) => setFilters({ ...filters, attribute })}
              />
              {scope === 'corpus' && (
                <Choice
                  label="Document"
                  value={filters.document}
                  options={choices.documents}
                  onChange={(document) => setFilters({ ...filters, document })}
                />
              )}
            </div>
            <p className="span-count" role="status">
              {shown.length} of {rows.length} claims
              {shown.length > MAX_TABLE_ROWS ? ` (the first ${MAX_TABLE_ROWS} shown)` : ''}
            </p>
            <ClaimsTable
              rows={shown}
              schema={schema}
              speakers={speakers}
              showDocument={scope === 'corpus'}
              onOpen={(row) => void openRow(row)}
            />
          </>
        )}
        {tab === 'by-actor' && corpus !== null && <ClaimsByActorTable rows={corpus} speakers={speakers} />}
        {tab === 'contested' && corpus !== null && (
          <ContestedClaims
            key={corpus.length}
            rows={corpus}
            speakers={speakers}
            onOpen={(row) => void openRow(row)}
          />
        )}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="primary"
          disabled={tab !== 'table'}
          onClick={() => offerTextDownload('claims.csv', 'text/csv', framesCsv(shown, schema))}
        >
          Download CSV
        </button>
      </footer>
    </Modal>
  );
}

interface Filters {
  actor: string;
  attribute: string;
  document: string;
}

function matches(row: FrameRow, filters: Filters, speakers: readonly string[]): boolean {
  if (filters.actor !== '' && !speakersOf(row, speakers).includes(filters.actor)) return false;
  if (filters.document !== '' && row.docId !== filters.document) return false;
  if (filters.attribute !== '') {
    const [key, value] = JSON.parse(filters.attribute) as [string, string];
    if (ownEntry(row.target.attributes, key) !== value) return false;
  }
  return true;
}

/** What the filters can choose from: the actors, attribute values and documents the rows have. */
function filterChoices(rows: readonly FrameRow[], speakers: readonly string[], schema: LabelSchema) {
  const nameOf = (label: string, key: string) =>
    schema.labels.find((l) => l.id === label)?.attributes.find((a) => a.id === key)?.name ?? key;
  const actors = new Set<string>();
  const attributes = new Map<string, string>();
  const documents = new Map<string, string>();
  for (const row of rows) {
    for (const name of speakersOf(row, speakers)) actors.add(name);
    for (const [key, value] of Object.entries(row.target.attributes))
      attributes.set(JSON.stringify([key, value]), `${nameOf(row.target.label, key)}: ${value}`);
    documents.set(row.docId, row.docTitle);
  }
  return {
    actors: [...actors].sort().map((a) => ({ value: a, name: a })),
    attributes: [...attributes].map(([value, name]) => ({ value, name })),
    documents: [...documents].map(([value, name]) => ({ value, name })),
  };
}

function Choice(props: {
  label: string;
  value: string;
  options: readonly { value: string; name: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="field-inline">
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
