// One label in the schema editor (src/renderer/components): id (changing it renames the label in every
// document), name, colour, line style, hotkey, guideline with examples, and its attributes with their value
// sets (no values: free text, like the canonical actor).
import { lineStyles, type LineStyle } from '@shared/model';
import type { DraftAttribute, DraftLabel } from '../stores/schema-draft';

export interface SchemaLabelFieldsProps {
  label: DraftLabel;
  spanCount: number;
  onChange: (next: DraftLabel) => void;
  onDelete: () => void;
}

export function SchemaLabelFields({ label, spanCount, onChange, onDelete }: SchemaLabelFieldsProps) {
  const set = (patch: Partial<DraftLabel>) => onChange({ ...label, ...patch });
  const setAttribute = (index: number, patch: Partial<DraftAttribute>) =>
    set({ attributes: label.attributes.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const title = label.name.trim() || label.id;
  return (
    <fieldset className="schema-label" aria-label={`Label ${title}`}>
      <legend>
        <span className={`swatch tw-swatch-${label.originalId ?? ''}`} aria-hidden="true" /> {title}
        {label.originalId !== null && <span className="hint"> ({spanCount} spans)</span>}
      </legend>
      <div className="schema-row">
        <label className="field">
          Id
          <input value={label.id} onChange={(e) => set({ id: e.target.value })} />
        </label>
        <label className="field">
          Name
          <input value={label.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="field">
          Colour
          <input type="color" value={label.color} onChange={(e) => set({ color: e.target.value })} />
        </label>
        <label className="field">
          Line
          <select value={label.lineStyle} onChange={(e) => set({ lineStyle: e.target.value as LineStyle })}>
            {lineStyles.map((style) => (
              <option key={style} value={style}>
                {style}
              </option>
            ))}
          </select>
        </label>
        <label className="field schema-hotkey">
          Key
          <input value={label.hotkey} maxLength={1} onChange={(e) => set({ hotkey: e.target.value })} />
        </label>
      </div>
      <label className="field">
        Guideline (with examples)
        <textarea rows={2} value={label.guideline} onChange={(e) => set({ guideline: e.target.value })} />
      </label>
      {label.attributes.map((attribute, i) => (
        <div
          key={i}
          className="schema-row"
          role="group"
          aria-label={`Attribute ${attribute.name || attribute.id}`}
        >
          <label className="field">
            Attribute id
            <input value={attribute.id} onChange={(e) => setAttribute(i, { id: e.target.value })} />
          </label>
          <label className="field">
            Name
            <input value={attribute.name} onChange={(e) => setAttribute(i, { name: e.target.value })} />
          </label>
          <label className="field schema-values">
            Values (comma-separated; none: free text)
            <input value={attribute.values} onChange={(e) => setAttribute(i, { values: e.target.value })} />
          </label>
          <button
            type="button"
            className="danger"
            onClick={() => set({ attributes: label.attributes.filter((_, k) => k !== i) })}
          >
            Remove attribute
          </button>
        </div>
      ))}
      <div className="schema-row">
        <button
          type="button"
          onClick={() =>
            set({
              attributes: [
                ...label.attributes,
                { originalId: null, id: 'attribute', name: 'Attribute', values: '' },
              ],
            })
          }
        >
          Add attribute
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Delete label {title}
        </button>
      </div>
    </fieldset>
  );
}
