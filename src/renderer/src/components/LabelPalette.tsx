// The label palette (src/renderer/components): one button per label with its hotkey, colour and line style.
// Clicking tags the selection like the hotkey does; Alt+click keeps the exact selection.
import type { LabelDef } from '@shared/model';
import { ariaChord } from '../commands/keys';

export interface LabelPaletteProps {
  labels: readonly LabelDef[];
  disabled: boolean;
  onLabel: (labelId: string, exact: boolean) => void;
}

export function LabelPalette({ labels, disabled, onLabel }: LabelPaletteProps) {
  return (
    <div className="label-palette" role="toolbar" aria-label="Labels">
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className={`label-button tw-chip-${label.id}`}
          aria-label={`Tag as ${label.name}`}
          aria-keyshortcuts={label.hotkey === undefined ? undefined : ariaChord(label.hotkey)}
          title={`${label.guideline}\n\nKey ${label.hotkey ?? '—'}; Alt keeps the exact selection.`}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => onLabel(label.id, event.altKey)}
        >
          {label.name}
          {label.hotkey !== undefined && <kbd>{label.hotkey}</kbd>}
        </button>
      ))}
    </div>
  );
}
