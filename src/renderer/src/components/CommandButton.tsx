// A button that runs a registry command (src/renderer/components): its tooltip and aria-keyshortcuts come
// from the command's own key, and it is disabled exactly when the command cannot run now.
import { ariaChord, formatChord } from '../commands/keys';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function CommandButton({ id, label }: { id: string; label: string }) {
  const services = useServices();
  useStore(services.commands.version);
  const command = services.commands.get(id);
  const key = services.commands.keysOf(id)[0];
  return (
    <button
      type="button"
      onClick={() => services.commands.run(id, services.context())}
      disabled={!services.commands.canRun(id, services.context())}
      aria-keyshortcuts={key === undefined ? undefined : ariaChord(key)}
      title={key === undefined ? command?.title : `${command?.title} (${formatChord(key)})`}
    >
      {label}
    </button>
  );
}
