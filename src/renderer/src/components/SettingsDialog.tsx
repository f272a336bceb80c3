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
 * Where the workspace is and the ones this user opened before. Switching needs main to close one store
 * (releasing its lock) and open another, which a browser tab cannot ask of the host safely while other
 * tabs may hold unsaved work; so the list says how to open each one.
 */
function WorkspaceLocations({ view }: { view: WorkspaceView }) {
  const prefs = useStore(useServices().preferences.current);
  const recent = prefs.workspaces.filter((w) => w.path !== view.path).slice(0, 8);
  return (
    <section aria-labelledby="settings-workspace" className="settings-section">
      <h3 id="settings-workspace">Workspace</h3>
      <p>
        Open now: <code>{view.path}</code>
      </p>
      {recent.length > 0 && (
        <>
          <p>Opened before (newest first). To open one, start Tagwright on it:</p>
          <ul className="recent-workspaces">
            {recent.map((w) => (
              <li key={w.path}>
                <code>npm start -- --workspace {w.path}</code>{' '}
                <span className="hint">(last opened {new Date(w.lastOpened).toLocaleString()})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {recent.length === 0 && (
        <p className="hint">
          To use another folder, start Tagwright with <code>npm start -- --workspace &lt;folder&gt;</code>.
        </p>
      )}
    </section>
  );
}
