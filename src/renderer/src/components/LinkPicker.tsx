// The link picker (src/renderer/components): every span the selected span may be linked to, nearest first,
// filtered by the relation types' allowed ends; the option under the arrow keys shows both ends emphasised in
// the text, and Enter links them (Shift+L, or "Link to…" in the selected span's details).
import { useCallback, useMemo } from 'react';
import { applyLink, candidatesOfFocused, describeCandidate } from '../actions/link-actions';
import { useServices } from '../hooks/use-services';
import { PickerDialog, type PickerOption } from './PickerDialog';

const PLACES = {
  before: 'before it',
  after: 'after it',
  around: 'around it',
  inside: 'inside it',
  overlapping: 'overlapping it',
} as const;

export function LinkPicker({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const candidates = useMemo(() => candidatesOfFocused(services.context()), [services]);
  const options: PickerOption[] = candidates.map((c, i) => ({
    id: String(i),
    label: describeCandidate(services.context(), c),
    detail: `${c.other.label} ${PLACES[c.place]}${c.distance > 0 ? `, ${c.distance} characters away` : ''}`,
  }));
  const close = useCallback(() => {
    services.ui.emphasis.set([]);
    onClose();
    services.editor.get()?.focus();
  }, [services, onClose]);
  const onActive = useCallback(
    (option: PickerOption | null) => {
      const candidate = option === null ? undefined : candidates[Number(option.id)];
      services.ui.emphasis.set(candidate === undefined ? [] : [candidate.from.id, candidate.to.id]);
    },
    [services, candidates],
  );
  return (
    <PickerDialog
      title="Link to…"
      fieldLabel="Spans to link to"
      options={options}
      emptyText="No span here can be linked to the selected one (the schema’s relation types decide)."
      onActive={onActive}
      onPick={(option) => {
        const candidate = candidates[Number(option.id)];
        if (candidate !== undefined) applyLink(services.context(), candidate);
        close();
      }}
      onClose={close}
    />
  );
}
