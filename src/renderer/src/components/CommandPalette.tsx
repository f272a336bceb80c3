// The command palette (src/renderer/components): every command of the registry, with its shortcut, filtered
// as the analyst types (a combobox over a listbox, the ARIA pattern screen readers know). Enter runs the
// chosen command after the palette closes, so a command that opens a dialog gets the focus.
import { useState, type KeyboardEvent } from 'react';
import { formatChord } from '../commands/keys';
import { paletteEntries } from '../commands/palette-filter';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { Modal } from './Modal';

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const services = useServices();
  useStore(services.commands.version);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const context = services.context();
  const entries = paletteEntries(services.commands.list(), typed);
  const run = (index: number) => {
    const entry = entries[index];
    if (entry === undefined || !services.commands.canRun(entry.command.id, context)) return;
    onClose();
    // After the palette's dialog has closed and given the focus back, so a dialog the command opens gets it.
    queueMicrotask(() => services.commands.run(entry.command.id, services.context()));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in moves)
      setActive((current) => Math.max(0, Math.min(entries.length - 1, current + moves[event.key]!)));
    else if (event.key === 'Enter') run(active);
    else return;
    event.preventDefault();
  };
  const current = entries[Math.min(active, entries.length - 1)];

  return (
    <Modal title="Command palette" onClose={onClose}>
      <div className="modal-body palette">
        <input
          type="text"
          role="combobox"
          aria-label="Type a command"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={current === undefined ? undefined : `palette-${current.command.id}`}
          placeholder="Type a command…"
          value={typed}
          autoFocus
          onChange={(event) => {
            setTyped(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
          {entries.map((entry, index) => {
            const enabled = services.commands.canRun(entry.command.id, context);
            const keys = services.commands.keysOf(entry.command.id);
            return (
              <li
                key={entry.command.id}
                id={`palette-${entry.command.id}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={!enabled}
                className="palette-item"
                onClick={() => run(index)}
                onMouseMove={() => setActive(index)}
              >
                <span className="palette-title">
                  {entry.parts.map((part, i) => (part.matched ? <b key={i}>{part.text}</b> : part.text))}
                  {!enabled && <span className="hint"> (not available now)</span>}
                </span>
                <span className="palette-group">{entry.command.group}</span>
                {keys.length > 0 && <kbd>{formatChord(keys[0]!)}</kbd>}
              </li>
            );
          })}
          {entries.length === 0 && <li className="hint">No command matches “{typed}”.</li>}
        </ul>
      </div>
    </Modal>
  );
}
