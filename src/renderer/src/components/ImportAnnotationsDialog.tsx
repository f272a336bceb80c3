// Bringing annotated files in (src/renderer/components): choose the format, the layer (a colleague's name
// creates their layer) and the files or a folder, look at the preview — documents, how each was found, span
// counts, what changes, what could not be placed, what the schema gains — and only then import.
import { useEffect, useState } from 'react';
import type { FormatInfo, ImportAnnotationsReport, ImportFile, WorkspaceView } from '@shared/api';
import { useServices } from '../hooks/use-services';
import { Modal } from './Modal';
import { TaskProgress } from './TaskProgress';

async function readFiles(files: readonly File[]): Promise<ImportFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      // A folder's files keep their path inside it (brat reads a layer per folder and pairs .ann with .txt).
      return { name: file.webkitRelativePath || file.name, dataBase64: btoa(binary) };
    }),
  );
}

const MATCH_WORDS = {
  sha256: 'same text',
  reanchored: 'text changed: re-anchored',
  new: 'new document',
} as const;

export function ImportAnnotationsDialog({ view, onClose }: { view: WorkspaceView; onClose: () => void }) {
  const services = useServices();
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const [format, setFormat] = useState('brat');
  const [layer, setLayer] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportAnnotationsReport | null>(null);
  const [done, setDone] = useState<ImportAnnotationsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () => void services.exchange.formats().then((all) => setFormats(all.filter((f) => f.importable))),
    [services],
  );

  const request = async () => ({
    format: format as never,
    layer: layer.trim(),
    files: await readFiles(files),
  });
  const act = async (kind: 'preview' | 'commit') => {
    setBusy(true);
    setError(null);
    const outcome =
      kind === 'preview'
        ? await services.exchange.preview(await request())
        : await services.exchange.commit(await request());
    setBusy(false);
    if (!outcome.ok) {
      setPreview(null);
      return setError(outcome.error.message);
    }
    if (kind === 'preview') setPreview(outcome.value);
    else {
      setDone(outcome.value);
      services.announcer.say(
        `Imported ${outcome.value.totals.added} spans into ${outcome.value.layers.join(', ')}`,
      );
    }
  };
  const changed = () => {
    setPreview(null);
    setDone(null);
  };

  return (
    <Modal title="Import annotations" onClose={onClose} busy={busy}>
      <div className="modal-body import-dialog">
        <label className="field">
          Format
          <select value={format} onChange={(e) => (setFormat(e.target.value), changed())}>
            {formats.map((f) => (
              <option key={f.format} value={f.format}>
                {f.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Into the layer of (analyst name)
          <input
            list="known-analysts"
            value={layer}
            onChange={(e) => (setLayer(e.target.value), changed())}
            placeholder="e.g. Lee"
          />
        </label>
        <datalist id="known-analysts">
          {view.annotators.map((a) => (
            <option key={a.id} value={a.name} />
          ))}
          <option value="gold" />
        </datalist>
        <label className="field">
          Files (or a .zip)
          <input type="file" multiple onChange={(e) => (setFiles([...(e.target.files ?? [])]), changed())} />
        </label>
        <label className="field">
          …or a folder (a brat package)
          <input
            type="file"
            {...{ webkitdirectory: '' }}
            onChange={(e) => (setFiles([...(e.target.files ?? [])]), changed())}
          />
        </label>
        <TaskProgress kind="import-annotations" />
        {error !== null && <p role="alert">{error}</p>}
        {(done ?? preview) !== null && <ImportReportView report={(done ?? preview)!} />}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose} disabled={busy}>
          {done === null ? 'Cancel' : 'Close'}
        </button>
        <button
          type="button"
          onClick={() => void act('preview')}
          disabled={busy || files.length === 0 || layer.trim() === ''}
        >
          Preview
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void act('commit')}
          disabled={busy || preview === null || done !== null}
        >
          Import
        </button>
      </footer>
    </Modal>
  );
}

function ImportReportView({ report }: { report: ImportAnnotationsReport }) {
  const { added, removed, relabelled, updated, unplaced } = report.totals;
  return (
    <section className="import-report" aria-label={report.preview ? 'Import preview' : 'Import report'}>
      <p role="status">
        {report.preview ? 'Would import' : 'Imported'} into {report.layers.join(', ')}: {added} added,{' '}
        {removed} removed, {relabelled} relabelled, {updated} changed
        {unplaced > 0 ? `, ${unplaced} could not be placed` : ''}.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Found by</th>
            <th scope="col">Layer</th>
            <th scope="col">Spans</th>
            <th scope="col">Relations</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {report.documents.map((doc, i) => (
            <tr key={i}>
              <td>{doc.title}</td>
              <td>{MATCH_WORDS[doc.match]}</td>
              <td>{doc.layer}</td>
              <td>{doc.spans}</td>
              <td>{doc.relations}</td>
              <td>
                +{doc.added} −{doc.removed} relabelled {doc.relabelled}
                {doc.unplaced.length > 0 && (
                  <ul aria-label="Could not be placed">
                    {doc.unplaced.map((u, j) => (
                      <li key={j}>
                        {u.label} “{u.quote}”: {u.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.schemaAdditions.length > 0 && (
        <p>The label schema gains: {report.schemaAdditions.join('; ')}.</p>
      )}
      {report.warnings.length > 0 && (
        <ul aria-label="Warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
