// A keyboard-first picker in a dialog (src/renderer/components): a filter field that keeps the focus (a
// combobox) over a listbox of options; arrows move, Enter picks, Escape closes, a click picks too. The link
// picker and the attribute picker are both this, so they behave alike. The focus never leaves the field, so
// no single-key command (L, A, Y…) can fire while the analyst types.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Modal } from './Modal';

export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
}

export interface PickerDialogProps {
  title: string;
  /** Names the filter field and the list ("Link to", "Attribute value"). */
  fieldLabel: string;
  options: readonly PickerOption[];
  /** Options made from what was typed (a new canonical actor name), offered after the matches. */
  fromQuery?: (query: string) => PickerOption[];
  emptyText: string;
  onPick: (option: PickerOption) => void;
  onClose: () => void;
  /** The option under the arrow keys or the pointer (e.g. to emphasise a link's ends in the text). */
  onActive?: (option: PickerOption | null) => void;
}

export function PickerDialog(props: PickerDialogProps) {
  const { options, fromQuery, onPick, onActive } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = options.filter((o) =>
      words.every((w) => `${o.label} ${o.detail ?? ''}`.toLowerCase().includes(w)),
    );
    return [...matches, ...(query.trim() === '' ? [] : (fromQuery?.(query.trim()) ?? []))];
  }, [options, fromQuery, query]);
  const index = Math.min(active, shown.length - 1);
  const current = shown[index] ?? null;
  useEffect(() => onActive?.(current), [current, onActive]);
  const move = (next: number) => setActive(Math.max(0, Math.min(shown.length - 1, next)));
  const onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in steps) move(index + steps[event.key]!);
    else if (event.key === 'Enter' && shown[index] !== undefined) onPick(shown[index]);
    else return;
    event.preventDefault();
  };
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <div className="modal-body picker">
        <label className="field">
          {props.fieldLabel}
          <input
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={shown.length > 0 ? optionId(index) : undefined}
            aria-autocomplete="list"
            value={query}
            autoFocus
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        {shown.length === 0 ? (
          <p className="hint">{props.emptyText}</p>
        ) : (
          <ul id={listId} role="listbox" aria-label={props.fieldLabel} className="picker-list">
            {shown.map((option, i) => (
              <li
                key={option.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                className="picker-option"
                onMouseEnter={() => move(i)}
                onClick={() => onPick(option)}
              >
                <span className="picker-label">{option.label}</span>
                {option.detail !== undefined && <span className="hint">{option.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
