// One relation type in the schema editor (src/renderer/components): id (changing it renames the type in
// every document), name, and the labels it may start and end at.
import type { DraftLabel, DraftRelationType } from '../stores/schema-draft';

export interface SchemaRelationFieldsProps {
  type: DraftRelationType;
  labels: readonly DraftLabel[];
  onChange: (next: DraftRelationType) => void;
  onDelete: () => void;
}

export function SchemaRelationFields({ type, labels, onChange, onDelete }: SchemaRelationFieldsProps) {
  const set = (patch: Partial<DraftRelationType>) => onChange({ ...type, ...patch });
  // Ends name labels by their draft key, so a label whose id is being edited stays an end.
  const keyOf = (label: DraftLabel) => label.key;
  const toggle = (end: 'from' | 'to', key: string) =>
    set({ [end]: type[end].includes(key) ? type[end].filter((k) => k !== key) : [...type[end], key] });
  const title = type.name.trim() || type.id;
  return (
    <fieldset className="schema-label" aria-label={`Relation type ${title}`}>
      <legend>{title}</legend>
      <div className="schema-row">
        <label className="field">
          Id
          <input value={type.id} onChange={(e) => set({ id: e.target.value })} />
        </label>
        <label className="field">
          Name
          <input value={type.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <button type="button" className="danger" onClick={onDelete}>
          Delete relation type {title}
        </button>
      </div>
      {(['from', 'to'] as const).map((end) => (
        <fieldset key={end} className="check-group">
          <legend>{end === 'from' ? 'From' : 'To'}</legend>
          {labels.map((label) => (
            <label key={keyOf(label)} className="filter-toggle">
              <input
                type="checkbox"
                checked={type[end].includes(keyOf(label))}
                onChange={() => toggle(end, keyOf(label))}
              />
              {label.name}
            </label>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}
