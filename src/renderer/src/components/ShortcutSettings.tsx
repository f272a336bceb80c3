// Shortcut settings (src/renderer/components): every command with its keys; "Change" records the next key
// chord pressed and refuses one another command already answers to (naming it), so no key ever means two
// things; "Default" puts the command's own keys back. Saved in this user's preferences.
import { useState, type KeyboardEvent } from 'react';
import { chordOf, formatChord } from '../commands/keys';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function ShortcutSettings() {
  const services = useServices();
  useStore(services.commands.version);
  const prefs = useStore(services.preferences.current);
  const [recording, setRecording] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const commands = [...services.commands.list()].sort(
    (a, b) => a.group.localeCompare(b.group) || a.title.localeCompare(b.title),
  );

  const save = async (id: string, keys: string[] | null) => {
    const shortcuts = Object.fromEntries(
      Object.entries(prefs.shortcuts).filter(([command]) => command !== id),
    );
    if (keys !== null) shortcuts[id] = keys;
    const refused = await services.preferences.set({ shortcuts });
    setMessage(refused);
  };
  const record = (id: string, event: KeyboardEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') return setRecording(null);
    const chord = chordOf(event.nativeEvent);
    if (chord === null) return;
    const taken = services.commands.conflictsWith(id, chord);
    if (taken.length > 0) {
      return setMessage(
        `${formatChord(chord)} is already used by “${taken.map((c) => c.title).join('”, “')}”. ` +
          'Choose another key, or change that command first.',
      );
    }
    setRecording(null);
    void save(id, [chord]);
  };

  return (
    <section aria-labelledby="shortcut-settings" className="settings-section">
      <h3 id="shortcut-settings">Shortcuts</h3>
      {message !== null && <p role="alert">{message}</p>}
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Keys</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {commands.map((command) => {
            const keys = services.commands.keysOf(command.id);
            const isRecording = recording === command.id;
            return (
              <tr key={command.id}>
                <th scope="row">{command.title}</th>
                <td>
                  {keys.length === 0 ? (
                    <span className="hint">none</span>
                  ) : (
                    keys.map((k) => <kbd key={k}>{formatChord(k)}</kbd>)
                  )}
                </td>
                <td className="shortcut-actions">
                  <button
                    type="button"
                    aria-label={
                      isRecording
                        ? `Press the new keys for ${command.title}`
                        : `Change the keys of ${command.title}`
                    }
                    aria-pressed={isRecording}
                    onClick={() => {
                      setMessage(null);
                      setRecording(isRecording ? null : command.id);
                    }}
                    onKeyDown={isRecording ? (event) => record(command.id, event) : undefined}
                    onBlur={() => isRecording && setRecording(null)}
                  >
                    {isRecording ? 'Press keys…' : 'Change'}
                  </button>
                  {services.commands.isCustomised(command.id) && (
                    <button
                      type="button"
                      onClick={() => void save(command.id, null)}
                      aria-label={`Default keys for ${command.title}`}
                    >
                      Default
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
