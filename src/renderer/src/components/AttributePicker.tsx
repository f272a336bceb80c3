// The attribute picker (src/renderer/components): every value the selected span's label allows, per
// attribute ("Speech act: demand"), and for a free-text attribute such as the canonical actor the names
// already used in the workspace, or what was typed as a new one; Enter sets it (key A).
import { useCallback, useEffect, useMemo } from 'react';
import { CANONICAL_ACTOR } from '@shared/model';
import { focusedOwnSpan, setAttribute } from '../actions/link-actions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { PickerDialog, type PickerOption } from './PickerDialog';

export function AttributePicker({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const actors = useStore(services.actors.actors);
  useEffect(() => void services.actors.load(), [services]);
  const span = focusedOwnSpan(services.context());
  const label = services.workspace.labelSchema()?.labels.find((l) => l.id === span?.label);
  const attributes = useMemo(() => label?.attributes ?? [], [label]);
  const options = useMemo(() => {
    const list: PickerOption[] = [];
    for (const attribute of attributes) {
      const values =
        attribute.values.length > 0
          ? attribute.values
          : attribute.id === CANONICAL_ACTOR
            ? (actors ?? []).map((a) => a.name)
            : [];
      for (const value of values)
        list.push({ id: JSON.stringify([attribute.id, value]), label: `${attribute.name}: ${value}` });
      list.push({ id: JSON.stringify([attribute.id, null]), label: `${attribute.name}: (none)` });
    }
    return list;
  }, [attributes, actors]);
  const fromQuery = useCallback(
    (query: string): PickerOption[] =>
      attributes
        .filter((a) => a.values.length === 0)
        .map((a) => ({ id: JSON.stringify([a.id, query]), label: `${a.name}: ${query}`, detail: 'new' })),
    [attributes],
  );
  const close = () => {
    onClose();
    services.editor.get()?.focus();
  };
  return (
    <PickerDialog
      title="Set an attribute"
      fieldLabel="Attribute values"
      options={options}
      fromQuery={fromQuery}
      emptyText="This label has no attributes (add some in the schema editor)."
      onPick={(option) => {
        const [attribute, value] = JSON.parse(option.id) as [string, string | null];
        if (span !== undefined) setAttribute(services.context(), span, attribute, value);
        close();
      }}
      onClose={close}
    />
  );
}
