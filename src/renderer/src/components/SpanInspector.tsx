// Details of the selected span (src/renderer/components): change its label, write a note, delete it.
import { useState } from 'react';
import type { LabelDef, Span } from '@shared/model';
import { changeSpan, deleteSpan } from '../stores/annotation-store';

export interface SpanInspectorProps {
  span: Span;
  labels: readonly LabelDef[];
}

export function SpanInspector({ span, labels }: SpanInspectorProps) {
  return (
    <section className="span-inspector" aria-label="Selected span">
      <blockquote className={`inspector-quote tw-chip-${span.label}`}>{span.quote}</blockquote>
      <p className="inspector-meta">
        characters {span.start}–{span.end} · by {span.createdBy}
      </p>
      <label className="field">
        Label
        <select value={span.label} onChange={(event) => changeSpan(span.id, { label: event.target.value })}>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
      </label>
      <NoteField key={span.id + span.note} span={span} />
      <button type="button" className="danger" onClick={() => deleteSpan(span.id)}>
        Delete span
      </button>
    </section>
  );
}

/** The note is saved when the field loses focus or on Ctrl/Cmd+Enter, not on every keystroke. */
function NoteField({ span }: { span: Span }) {
  const [draft, setDraft] = useState(span.note);
  const save = () => {
    if (draft !== span.note) changeSpan(span.id, { note: draft });
  };
  return (
    <label className="field">
      Note
      <textarea
        value={draft}
        rows={3}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
        }}
      />
    </label>
  );
}
