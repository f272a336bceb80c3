// Which layers the text shows (src/renderer/components): the analyst's own (editable, drawn below the text)
// and any colleague's or the gold layer (read-only, drawn above it), so two readings sit on one text.
import type { Annotator, LayerId } from '@shared/model';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { useStoreAfterPaint } from '../hooks/use-store-after-paint';
import type { DocumentSession } from '../stores/document-session';

export function LayerSwitcher({
  session,
  annotators,
}: {
  session: DocumentSession;
  annotators: readonly Annotator[];
}) {
  const services = useServices();
  useStoreAfterPaint(session.version);
  const extra = useStore(services.ui.extraLayers);
  const others = session.layerIds().filter((id) => id !== session.editableLayer);
  if (others.length === 0) return null;
  const nameOf = (id: LayerId) =>
    id === 'gold' ? 'Gold' : (annotators.find((a) => a.id === id)?.name ?? id);
  return (
    <fieldset className="layer-switcher">
      <legend>Layers</legend>
      <label className="filter-toggle">
        <input type="checkbox" checked disabled />
        Mine (below the text)
      </label>
      {others.map((id) => (
        <label key={id} className="filter-toggle">
          <input type="checkbox" checked={extra.has(id)} onChange={() => services.ui.toggleExtraLayer(id)} />
          {nameOf(id)} (above, read-only)
        </label>
      ))}
    </fieldset>
  );
}
