// Settings (src/renderer/components): the analyst's name in this workspace, theme and text size, word snapping
// and suggestions, the export dialog's defaults, the workspaces this user opened (open recent), and the
// shortcuts. Stored per user in their preferences file, never in the workspace; each change applies at once.
import { useEffect, useState, type FormEvent } from 'react';
import type { FormatInfo, WorkspaceView } from '@shared/api';
import { themes, type Theme } from '@shared/model';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { steppedScale } from '../stores/preferences-store';
import { Modal } from './Modal';
import { ShortcutSettings } from './ShortcutSettings';

const THEME_NAMES: Record<Theme, string> = { light: 'Light', dark: 'Dark', 'high-contrast': 'High contrast' };

export function SettingsDialog({ view, onClose }: { view: WorkspaceView; onClose: () => void }) {
  const services = useServices();
  const prefs = useStore(services.preferences.current);
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => void services.exchange.formats().then(setFormats), [services]);
  const set = async (change: Parameters<typeof services.preferences.set>[0]) =>
    setProblem(await services.preferences.set(change));

  return (
    <Modal title="Settings" onClose={onClose}>
      <div className="modal-body settings">
        {problem !== null && <p role="alert">{problem}</p>}
        <AnalystName view={view} />
        <section aria-labelledby="settings-appearance" className="settings-section">
          <h3 id="settings-appearance">Appearance</h3>
          <fieldset className="check-group">
            <legend>Theme</legend>
            {themes.map((theme) => (
              <label key={theme} className="filter-toggle">
                <input
                  type="radio"
                  name="theme"
                  checked={prefs.theme === theme}
                  onChange={() => void set({ theme })}
                />
                {THEME_NAMES[theme]}
              </label>
            ))}
          </fieldset>
          <div className="field-inline" role="group" aria-label="Text size">
            Text size
            <button
              type="button"
              aria-label="Smaller text"
              onClick={() => void set({ textScale: steppedScale(prefs.textScale, -1) })}
            >
              A−
            </button>
            <output aria-live="polite">{Math.round(prefs.textScale * 100)} %</output>
            <button
              type="button"
              aria-label="Larger text"
              onClick={() => void set({ textScale: steppedScale(prefs.textScale, 1) })}
            >
              A+
            </button>
            <button type="button" onClick={() => void set({ textScale: 1 })}>
              Default
            </button>
          </div>
        </section>
        <section aria-labelledby="settings-tagging" className="settings-section">
          <h3 id="settings-tagging">Tagging</h3>
          <label className="filter-toggle">
            <input
              type="checkbox"
              checked={prefs.wordSnapping}
              onChange={(event) => void set({ wordSnapping: event.target.checked })}
            />
            Widen selections to whole words (off: label keys tag exactly what is selected)
          </label>
          <label className="filter-toggle">
            <input
              type="checkbox"
              checked={prefs.suggestions}
              onChange={(event) => void set({ suggestions: event.target.checked })}
            />
            Offer suggestions
          </label>
        </section>
        <section aria-labelledby="settings-export" className="settings-section">
          <h3 id="settings-export">Export defaults</h3>
          <label className="field-inline">
            Format
            <select
              value={prefs.exportFormat}
              onChange={(event) => void set({ exportFormat: event.target.value as never })}
            >
              {formats.map((f) => (
                <option key={f.format} value={f.format}>
                  {f.title}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="check-group">
            <legend>Layers</legend>
            <label className="filter-toggle">
              <input
                type="radio"
                name="export-layers"
                checked={prefs.exportLayers === 'mine'}
                onChange={() => void set({ exportLayers: 'mine' })}
              />
              Mine
            </label>
            <label className="filter-toggle">
              <input
                type="radio"
                name="export-layers"
                checked={prefs.exportLayers === 'all'}
                onChange={() => void set({ exportLayers: 'all' })}
              />
              All layers
            </label>
          </fieldset>
        </section>
        <WorkspaceLocations view={view} />
        <ShortcutSettings />
      </div>
      <footer className="modal-footer">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Modal>
  );
}

function AnalystName({ view }: { view: WorkspaceView }) {
  const services = useServices();
  const [name, setName] = useState(view.localAnnotator?.name ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage((await services.workspace.renameAnalyst(name)) ?? 'Saved.');
  };
  return (
    <form
      className="settings-section"
      aria-labelledby="settings-analyst"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="settings-analyst">You</h3>
      <label className="field-inline">
        Analyst name
        <input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" disabled={name.trim() === '' || name === view.localAnnotator?.name}>
        Rename me
      </button>
      {message !== null && <span role="status">{message}</span>}
    </form>
  );
}

/**
 * Where the workspace is, the ones this user opened before (open recent), and another folder to open or a new
 * workspace to create. Main opens (and locks) the new one before it closes the old, so a folder another
 * Tagwright holds leaves this one as it was; open documents are saved first, then the window reloads.
 */
function WorkspaceLocations({ view }: { view: WorkspaceView }) {
  const services = useServices();
  const prefs = useStore(services.preferences.current);
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recent = prefs.workspaces.filter((w) => w.path !== view.path).slice(0, 8);
  const open = async (folder: string, create: boolean) => {
    setBusy(true);
    await services.sessions.whenAllSaved();
    const refused = await services.workspace.openWorkspace(folder, create);
    setBusy(false);
    if (refused !== null) return setProblem(refused);
    window.location.reload();
  };
  return (
    <section aria-labelledby="settings-workspace" className="settings-section">
      <h3 id="settings-workspace">Workspace</h3>
      <p>
        Open now: <code>{view.path}</code>
      </p>
      {recent.length > 0 && (
        <ul className="recent-workspaces" aria-label="Opened before">
          {recent.map((w) => (
            <li key={w.path}>
              <button
                type="button"
                disabled={busy}
                onClick={() => void open(w.path, false)}
                aria-label={`Open ${w.path}`}
              >
                Open
              </button>{' '}
              <code>{w.path}</code>{' '}
              <span className="hint">(last opened {new Date(w.lastOpened).toLocaleString()})</span>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        Another folder (full path)
        <input
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/me/corpus-2026"
        />
      </label>
      <div className="meta-actions">
        <button
          type="button"
          disabled={busy || path.trim() === ''}
          onClick={() => void open(path.trim(), false)}
        >
          Open workspace
        </button>
        <button
          type="button"
          disabled={busy || path.trim() === ''}
          onClick={() => void open(path.trim(), true)}
        >
          Create a new workspace there
        </button>
      </div>
      {problem !== null && <p role="alert">{problem}</p>}
      <p className="hint">
        From a terminal: <code>npm start -- --workspace &lt;folder&gt;</code>.
      </p>
    </section>
  );
}
