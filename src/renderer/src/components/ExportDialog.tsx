// The export dialog (src/renderer/components): which format (with its offset unit and what it cannot hold),
// which layers, labels and documents; then progress with Cancel, and what the export left out. In browser mode
// the file arrives as a download; in Electron main asks where to save it.
import { useEffect, useState } from 'react';
import type { ExportResult, FormatInfo, WorkspaceView } from '@shared/api';
import { documentStatuses, type DocumentStatus } from '@shared/model';
import { offerDownload } from '../actions/download';
import { useServices } from '../hooks/use-services';
import { Modal } from './Modal';
import { TaskProgress } from './TaskProgress';

type DocumentChoice = 'all' | 'open' | 'status';

const UNIT_WORDS: Record<string, string> = {
  'code-points': 'offsets in code points (Python)',
  'utf16-code-units': 'offsets in UTF-16 units (JavaScript)',
  tokens: 'token tags, no offsets',
};

export function ExportDialog({ view, onClose }: { view: WorkspaceView; onClose: () => void }) {
  const services = useServices();
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  // The analyst's defaults (Settings): format, and their own layer or every layer.
  const defaults = services.preferences.current.get();
  const [format, setFormat] = useState(defaults.exportFormat);
  const layersInWorkspace = [
    ...view.annotators.map((a) => ({ id: a.id, name: a.name })),
    { id: 'gold', name: 'Gold' },
  ];
  const mine = view.localAnnotator?.id ?? '';
  const [layers, setLayers] = useState<ReadonlySet<string>>(
    new Set(defaults.exportLayers === 'all' ? layersInWorkspace.map((l) => l.id) : [mine]),
  );
  const [cancelled, setCancelled] = useState(false);
  const [labels, setLabels] = useState<ReadonlySet<string>>(
    new Set(view.labelSchema.labels.map((l) => l.id)),
  );
  const [documents, setDocuments] = useState<DocumentChoice>('all');
  const [statuses, setStatuses] = useState<ReadonlySet<DocumentStatus>>(new Set(['done']));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void services.exchange.formats().then(setFormats), [services]);
  const openId = services.sessions.openId;
  const chosen = formats.find((f) => f.format === format);

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    setCancelled(false);
    const outcome = await services.exchange.runExport({
      format: format as never,
      layers: [...layers],
      labels: labels.size === view.labelSchema.labels.length ? [] : [...labels],
      documents:
        documents === 'open' && openId !== null
          ? { kind: 'ids', ids: [openId] }
          : documents === 'status'
            ? { kind: 'status', statuses: [...statuses] }
            : { kind: 'all' },
      destination: services.backend.electron ? 'save-dialog' : 'download',
    });
    setBusy(false);
    if (!outcome.ok && outcome.error.code === 'cancelled') return setCancelled(true);
    if (!outcome.ok) return setError(outcome.error.message);
    setResult(outcome.value);
    if (outcome.value.dataBase64 !== undefined) {
      offerDownload(outcome.value.fileName, outcome.value.mimeType, outcome.value.dataBase64);
    }
    services.announcer.say(`Exported ${outcome.value.documents} documents as ${outcome.value.fileName}`);
  };

  return (
    <Modal title="Export annotations" onClose={onClose} busy={busy}>
      <div className="modal-body export-dialog">
        <fieldset>
          <legend>Format</legend>
          {formats.map((f) => (
            <label key={f.format} className="choice">
              <input
                type="radio"
                name="format"
                value={f.format}
                checked={format === f.format}
                onChange={() => setFormat(f.format)}
              />
              <span>
                <strong>{f.title}</strong>{' '}
                <span className="hint">{UNIT_WORDS[f.offsetUnit] ?? f.offsetUnit}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {chosen !== undefined && chosen.limitations.length > 0 && (
          <div className="limitations" aria-label="What this format cannot hold">
            <strong>This format cannot hold:</strong>
            <ul>
              {chosen.limitations.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
        <CheckGroup
          legend="Layers"
          items={layersInWorkspace.map((l) => ({
            id: l.id,
            name: l.id === mine ? `${l.name} (mine)` : l.name,
          }))}
          chosen={layers}
          onChange={setLayers}
        />
        <CheckGroup legend="Labels" items={view.labelSchema.labels} chosen={labels} onChange={setLabels} />
        <fieldset>
          <legend>Documents</legend>
          <label className="choice">
            <input
              type="radio"
              name="documents"
              checked={documents === 'all'}
              onChange={() => setDocuments('all')}
            />{' '}
            All ({view.documents.length})
          </label>
          <label className="choice">
            <input
              type="radio"
              name="documents"
              disabled={openId === null}
              checked={documents === 'open'}
              onChange={() => setDocuments('open')}
            />{' '}
            The open document
          </label>
          <label className="choice">
            <input
              type="radio"
              name="documents"
              checked={documents === 'status'}
              onChange={() => setDocuments('status')}
            />{' '}
            By the chosen layers’ status:
          </label>
          <CheckGroup
            legend="Status"
            items={documentStatuses.map((s) => ({ id: s, name: s }))}
            chosen={statuses}
            onChange={(next) => setStatuses(next as ReadonlySet<DocumentStatus>)}
            disabled={documents !== 'status'}
          />
        </fieldset>
        <TaskProgress kind="export" label="Export" />
        {cancelled && <p role="status">The export was cancelled: nothing was written.</p>}
        {error !== null && <p role="alert">The export failed: {error}</p>}
        {result !== null && <ExportSummary result={result} />}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose} disabled={busy}>
          Close
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={busy || layers.size === 0 || labels.size === 0}
        >
          Export
        </button>
      </footer>
    </Modal>
  );
}

function CheckGroup(props: {
  legend: string;
  items: readonly { id: string; name: string }[];
  chosen: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  disabled?: boolean;
}) {
  const toggle = (id: string) => {
    const next = new Set(props.chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    props.onChange(next);
  };
  return (
    <fieldset className="check-group" disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {props.items.map((item) => (
        <label key={item.id} className="filter-toggle">
          <input type="checkbox" checked={props.chosen.has(item.id)} onChange={() => toggle(item.id)} />{' '}
          {item.name}
        </label>
      ))}
    </fieldset>
  );
}

function ExportSummary({ result }: { result: ExportResult }) {
  const where =
    result.savedTo === undefined
      ? `downloaded as ${result.fileName}`
      : result.savedTo === null
        ? 'not saved (no place was chosen)'
        : `saved to ${result.savedTo}`;
  return (
    <div role="status" className="export-summary">
      <p>
        Exported {result.documents} documents, {result.spans} spans and {result.relations} relations: {where}.
      </p>
      {result.warnings.length > 0 && (
        <ul aria-label="Left out of this export">
          {result.warnings.map((w, i) => (
            <li key={i}>{w.document === undefined ? w.message : `${w.document}: ${w.message}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
