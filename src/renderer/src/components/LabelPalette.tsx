// The label palette (src/renderer/components): one button per label with its hotkey, colour and line style.
// Clicking tags the selection like the hotkey does; Alt+click keeps the exact selection.
import type { LabelDef } from '@shared/model';

export interface LabelPaletteProps {
  labels: readonly LabelDef[];
  onLabel: (labelId: string, exact: boolean) => void;
}

export function LabelPalette({ labels, onLabel }: LabelPaletteProps) {
  return (
    <div className="label-palette" role="toolbar" aria-label="Labels">
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className={`label-button tw-chip-${label.id}`}
          aria-label={`Tag as ${label.name}`}
          aria-keyshortcuts={label.hotkey}
          title={`${label.guideline}\n\nHotkey ${label.hotkey ?? '—'}; Alt keeps the exact selection.`}
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
