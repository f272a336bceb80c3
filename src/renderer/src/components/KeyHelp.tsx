// Key help and guidelines beside the text (src/renderer/components): the shortcuts come from the command
// registry (so they can never disagree with what the keys do), and each label's guideline is one keyboard
// reachable disclosure, not only a hover tooltip.
import type { LabelDef } from '@shared/model';
import { formatChord } from '../commands/keys';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function KeyHelp({ labels }: { labels: readonly LabelDef[] }) {
  const services = useServices();
  useStore(services.commands.version);
  const commands = services.commands
    .list()
    .map((c) => ({ ...c, keys: services.commands.keysOf(c.id) }))
    .filter((c) => c.keys.length > 0 && !c.id.startsWith('tag-exact.'));
  return (
    <div className="key-help">
      <details>
        <summary>Guidelines</summary>
        <dl>
          {labels.map((label) => (
            <div key={label.id}>
              <dt className={`tw-chip-${label.id}`}>{label.name}</dt>
              <dd>{label.guideline || 'No guideline yet.'}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details>
        <summary>Keys</summary>
        <ul>
          {commands.map((command) => (
            <li key={command.id}>
              <kbd>{command.keys.map(formatChord).join(' / ')}</kbd> {command.title}
            </li>
          ))}
          <li>
            <kbd>Alt</kbd> with a label key keeps the exact selection
          </li>
        </ul>
      </details>
    </div>
  );
}
