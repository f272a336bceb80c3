// The selected span's links (src/renderer/components): each relation with its other end, a drop-down to
// retype it (among the types its ends allow) and Delete; pointing at one emphasises both ends in the text.
// "Link to…" opens the link picker. Every change is one undo step of the session.
import type { LabelSchema, Relation, Span } from '@shared/model';
import { useServices } from '../hooks/use-services';
import type { DocumentSession } from '../stores/document-session';
import { CommandButton } from './CommandButton';

export interface SpanRelationsProps {
  session: DocumentSession;
  span: Span;
  layer: string;
  schema: LabelSchema;
  editable: boolean;
}

export function SpanRelations({ session, span, layer, schema, editable }: SpanRelationsProps) {
  const services = useServices();
  const index = session.layer(layer as never);
  const relations = index.relationsOf(span.id);
  const emphasise = (relation: Relation | null) =>
    services.ui.emphasis.set(relation === null ? [] : [relation.from, relation.to]);
  const clip = (text: string) => (text.length > 48 ? `${text.slice(0, 48)}…` : text);
  return (
    <section className="span-relations" aria-label="Links">
      <h3>Links</h3>
      {relations.length === 0 && <p className="hint">No links yet.</p>}
      <ul>
        {relations.map((relation) => {
          const from = index.span(relation.from);
          const to = index.span(relation.to);
          if (from === undefined || to === undefined) return null;
          const other = from.id === span.id ? to : from;
          const allowed = schema.relationTypes.filter(
            (t) => t.from.includes(from.label) && t.to.includes(to.label),
          );
          const typeName = schema.relationTypes.find((t) => t.id === relation.type)?.name ?? relation.type;
          const words =
            from.id === span.id ? `${typeName} → ${clip(to.quote)}` : `${clip(from.quote)} ${typeName} →`;
          return (
            <li
              key={relation.id}
              className="relation-row"
              onMouseEnter={() => emphasise(relation)}
              onMouseLeave={() => emphasise(null)}
              onFocus={() => emphasise(relation)}
              onBlur={() => emphasise(null)}
            >
              <button
                type="button"
                className="link-end"
                title="Select the other end"
                onClick={() => session.focus({ layer: layer as never, spanId: other.id })}
              >
                {words}
              </button>
              <select
                aria-label={`Type of the link ${words}`}
                value={relation.type}
                disabled={!editable || allowed.length < 2}
                onChange={(event) =>
                  session.apply([
                    {
                      kind: 'update-relation',
                      relationId: relation.id,
                      changes: { type: event.target.value },
                    },
                  ])
                }
              >
                {allowed.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              {editable && (
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete the link ${words}`}
                  onClick={() => {
                    emphasise(null);
                    session.apply([{ kind: 'remove-relation', relationId: relation.id }]);
                    services.announcer.say(`Link deleted: ${words}`);
                  }}
                >
                  Delete
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {editable && <CommandButton id="relation.pick" label="Link to…" />}
    </section>
  );
}
