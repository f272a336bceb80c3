// The selected span's attributes (src/renderer/components): a drop-down per attribute with a value set
// (speech act, stance), a text field with the names already used for a free one (the canonical actor). Typed
// text is saved as it is typed and undone as one step, like the note.
import type { AttributeDef, Span } from '@shared/model';
import { CANONICAL_ACTOR, ownEntry } from '@shared/model';
import { setAttribute } from '../actions/link-actions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';

export interface SpanAttributesProps {
  session: DocumentSession;
  span: Span;
  attributes: readonly AttributeDef[];
  editable: boolean;
}

export function SpanAttributes({ session, span, attributes, editable }: SpanAttributesProps) {
  const services = useServices();
  const actors = useStore(services.actors.actors);
  if (attributes.length === 0) return null;
  const set = (attribute: string, value: string | null) =>
    setAttribute(services.context(), span, attribute, value);
  return (
    <fieldset className="span-attributes">
      <legend>Attributes</legend>
      {attributes.map((attribute) => {
        const value = ownEntry(span.attributes, attribute.id) ?? '';
        if (attribute.values.length > 0) {
          return (
            <label key={attribute.id} className="field">
              {attribute.name}
              <select
                value={value}
                disabled={!editable}
                onChange={(event) => set(attribute.id, event.target.value === '' ? null : event.target.value)}
              >
                <option value="">—</option>
                {attribute.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        const listId = `attribute-names-${attribute.id}`;
        return (
          <label key={attribute.id} className="field">
            {attribute.name}
            <input
              value={value}
              readOnly={!editable}
              list={attribute.id === CANONICAL_ACTOR ? listId : undefined}
              placeholder={attribute.id === CANONICAL_ACTOR ? span.quote : ''}
              onFocus={() => attribute.id === CANONICAL_ACTOR && void services.actors.load()}
              onChange={(event) =>
                setAttribute(services.context(), span, attribute.id, event.target.value || null, {
                  mergeKey: `attribute:${span.id}:${attribute.id}`,
                })
              }
              onBlur={() => session.sealHistory()}
            />
            {attribute.id === CANONICAL_ACTOR && (
              <datalist id={listId}>
                {(actors ?? []).map((a) => (
                  <option key={a.name} value={a.name} />
                ))}
              </datalist>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
