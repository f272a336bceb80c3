// Document details (src/renderer/components): rename the open document, read and edit its metadata (source,
// date, url… as key and value), see where it came from, and move it to the trash (Undo brings it back).
import { useState, type FormEvent } from 'react';
import { emptyRecord, setEntry, type DocumentMeta, type DocumentRecord } from '@shared/model';
import { useServices } from '../hooks/use-services';
import { Modal } from './Modal';

interface MetaRow {
  key: string;
  value: string;
  /** The stored value, kept with its type (number, boolean) while its text is unchanged. */
  original: DocumentMeta[string] | undefined;
}

function rowsOf(meta: DocumentMeta): MetaRow[] {
  return Object.entries(meta).map(([key, value]) => ({ key, value: String(value), original: value }));
}

function metaOf(rows: readonly MetaRow[]): DocumentMeta {
  const meta = emptyRecord<DocumentMeta[string]>();
  for (const row of rows) {
    if (row.key.trim() === '') continue;
    const unchanged = row.original !== undefined && String(row.original) === row.value;
    setEntry(meta, row.key.trim(), unchanged ? (row.original as DocumentMeta[string]) : row.value);
  }
  return meta;
}

export function DocumentDetailsDialog({
  record,
  title,
  onClose,
}: {
  record: DocumentRecord;
  title: string;
  onClose: () => void;
}) {
  const services = useServices();
  const [name, setName] = useState(title);
  const [rows, setRows] = useState<MetaRow[]>(() => rowsOf(record.meta));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const edit = (index: number, patch: Partial<MetaRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await services.workspace.rename(record.id, name);
    setMessage(problem === null ? { text: 'Renamed.', error: false } : { text: problem, error: true });
  };
  const saveMeta = async () => {
    const result = await services.workspace.setMeta(record.id, metaOf(rows));
    if (!result.ok) return setMessage({ text: result.message, error: true });
    setRows(rowsOf(result.doc.meta));
    setMessage({ text: 'Metadata saved.', error: false });
  };
  const remove = async () => {
    if (await services.workspace.remove(record.id)) {
      services.sessions.forget([record.id]);
      onClose();
    }
  };
  const info = record.import;

  return (
    <Modal title="Document details" onClose={onClose}>
      <div className="modal-body details">
        <form className="settings-section" onSubmit={(event) => void rename(event)}>
          <label className="field">
            Title
            <input value={name} maxLength={500} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="submit" disabled={name.trim() === '' || name === title}>
            Rename
          </button>
        </form>
        <fieldset className="meta-editor">
          <legend>Metadata</legend>
          {rows.length === 0 && <p className="hint">No metadata yet.</p>}
          {rows.map((row, index) => (
            <div key={index} className="meta-row">
              <input
                aria-label={`Name of field ${index + 1}`}
                value={row.key}
                maxLength={200}
                onChange={(event) => edit(index, { key: event.target.value })}
              />
              <input
                aria-label={`Value of ${row.key || `field ${index + 1}`}`}
                value={row.value}
                maxLength={10_000}
                onChange={(event) => edit(index, { value: event.target.value })}
              />
              <button
                type="button"
                aria-label={`Remove ${row.key || `field ${index + 1}`}`}
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </div>
          ))}
          <div className="meta-actions">
            <button
              type="button"
              onClick={() => setRows([...rows, { key: '', value: '', original: undefined }])}
            >
              Add field
            </button>
            <button type="button" onClick={() => void saveMeta()}>
              Save metadata
            </button>
          </div>
        </fieldset>
        <dl className="import-info" aria-label="Where it came from">
          <dt>Source file</dt>
          <dd>{info.sourceName}</dd>
          <dt>Format</dt>
          <dd>{info.format}</dd>
          <dt>Imported</dt>
          <dd>{new Date(info.importedAt).toLocaleString()}</dd>
          <dt>Length</dt>
          <dd>{record.text.length.toLocaleString()} characters</dd>
        </dl>
        {message !== null && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      </div>
      <footer className="modal-footer">
        <button type="button" className="danger" onClick={() => void remove()}>
          Move to trash
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Modal>
  );
}
