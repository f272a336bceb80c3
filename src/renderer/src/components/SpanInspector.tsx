// Details of the selected span (src/renderer/components): its quote, who made it, its label with the label's
// guideline, its attributes, its links, its note, and Delete. The note is saved as it is typed (one request
// in flight, the rest batched) so nothing typed is ever lost to a document switch or a reload; Ctrl/Cmd+Enter
// and Delete return the keyboard to the text.
import type { LabelSchema, Span } from '@shared/model';
import { deleteFocusedSpan } from '../actions/tag-actions';
import { useServices } from '../hooks/use-services';
import { CommentsThread } from './CommentsThread';
import type { DocumentSession, FocusedSpan } from '../stores/document-session';
import { SpanAttributes } from './SpanAttributes';
import { SpanRelations } from './SpanRelations';

export interface SpanInspectorProps {
  session: DocumentSession;
  focused: FocusedSpan;
  span: Span;
  schema: LabelSchema;
}

export function SpanInspector({ session, focused, span, schema }: SpanInspectorProps) {
  const labels = schema.labels;
  const label = labels.find((l) => l.id === span.label);
  const services = useServices();
  const editable = session.canEdit(focused.layer);
  const onLayer = { layer: focused.layer };
  const annotators = services.workspace.view()?.annotators ?? [];
  const author = annotators.find((a) => a.id === span.createdBy)?.name ?? span.createdBy;
  const layerName = annotators.find((a) => a.id === focused.layer)?.name ?? focused.layer;
  const returnToText = () => services.editor.get()?.focus();
  return (
    <section className="span-inspector" aria-label="Selected span">
      <blockquote className={`inspector-quote tw-chip-${span.label}`}>{span.quote}</blockquote>
      <p className="inspector-meta">
        characters {span.start}–{span.end} · by {author}
        {!editable && ` · ${layerName}'s layer (read-only)`}
      </p>
      <label className="field">
        Label
        <select
          value={span.label}
          disabled={!editable}
          onChange={(event) =>
            session.apply(
              [{ kind: 'update-span', spanId: span.id, changes: { label: event.target.value } }],
              onLayer,
            )
          }
        >
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
      </label>
      {label !== undefined && label.guideline !== '' && (
        <details className="guideline">
          <summary>Guideline: {label.name}</summary>
          <p>{label.guideline}</p>
        </details>
      )}
      <SpanAttributes
        session={session}
        span={span}
        attributes={label?.attributes ?? []}
        editable={editable}
      />
      <SpanRelations
        session={session}
        span={span}
        layer={focused.layer}
        schema={schema}
        editable={editable}
      />
      <label className="field">
        Note
        <textarea
          value={span.note}
          rows={3}
          readOnly={!editable}
          onChange={(event) =>
            session.apply([{ kind: 'update-span', spanId: span.id, changes: { note: event.target.value } }], {
              mergeKey: `note:${span.id}`,
            })
          }
          onBlur={() => session.sealHistory()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              session.sealHistory();
              returnToText();
            }
          }}
        />
      </label>
      {editable && (
        <button type="button" className="danger" onClick={() => deleteFocusedSpan(services.context())}>
          Delete span
        </button>
      )}
      {span.provenance !== undefined && (
        <p className="inspector-meta">
          Gold: {span.provenance.decision} by{' '}
          {annotators.find((a) => a.id === span.provenance!.decidedBy)?.name ?? span.provenance.decidedBy}{' '}
          from{' '}
          {span.provenance.sources
            .map((s) => annotators.find((a) => a.id === s.layer)?.name ?? s.layer)
            .join(' and ')}
          {span.provenance.reason !== '' && ` — “${span.provenance.reason}”`}
        </p>
      )}
      <CommentsThread
        session={session}
        layer={focused.layer}
        spanId={span.id}
        annotators={annotators}
        me={services.workspace.view()?.localAnnotator?.id ?? null}
      />
    </section>
  );
}
