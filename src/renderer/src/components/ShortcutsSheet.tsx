// The keyboard shortcuts sheet (src/renderer/components, opened with "?"): every command that has keys, by
// group, straight from the registry, so it shows the analyst's own shortcuts and can never disagree with
// what the keys do.
import { formatChord } from '../commands/keys';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { Modal } from './Modal';

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const services = useServices();
  useStore(services.commands.version);
  const groups = new Map<string, { id: string; title: string; keys: readonly string[] }[]>();
  for (const command of services.commands.list()) {
    const keys = services.commands.keysOf(command.id);
    if (keys.length === 0) continue;
    groups.set(command.group, [...(groups.get(command.group) ?? []), { ...command, keys }]);
  }
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <div className="modal-body shortcuts-sheet">
        {[...groups].map(([group, commands]) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {commands.map((command) => (
                <div key={command.id} className="shortcut-row">
                  <dt>
                    {command.keys.map((key) => (
                      <kbd key={key}>{formatChord(key)}</kbd>
                    ))}
                  </dt>
                  <dd>{command.title}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="hint">
          Alt with a label key keeps the exact selection. Change shortcuts in Settings (
          <kbd>{formatChord('Mod+,')}</kbd>).
        </p>
      </div>
    </Modal>
  );
}
