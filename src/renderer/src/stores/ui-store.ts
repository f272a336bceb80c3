// View state shared by several components that never reaches disk (src/renderer/stores): which labels are
// hidden (from the span list, the highlights and n/p alike), which extra layers the text shows, whether
// the narrow-window document drawer is open, the dialog on top, whether the search panel is open, the side
// panel's tab, and which spans the text shows emphasised (both ends of a frame or relation under the pointer).
import type { LayerId } from '@shared/model';
import { observable } from './observable';

export type WorkbenchDialog =
  | 'export'
  | 'import-annotations'
  | 'agreement'
  | 'palette'
  | 'shortcuts'
  | 'settings'
  | 'details'
  | 'trash'
  | 'claims'
  | 'actors'
  | 'schema'
  | 'link-picker'
  | 'attribute-picker'
  | 'accept-suggestions';

export type SideTab = 'spans' | 'frames' | 'suggestions';

export function createUiStore() {
  const hiddenLabels = observable<ReadonlySet<string>>(new Set());
  const documentsOpen = observable(false);
  /** The dialog shown over the workbench, if any. */
  const dialog = observable<WorkbenchDialog | null>(null);
  /** Whether the search panel is open (it stays open beside the text while the analyst works). */
  const searchOpen = observable(false);
  const sideTab = observable<SideTab>('spans');
  /** Span ids of the analyst's layer drawn emphasised in the text. */
  const emphasis = observable<readonly string[]>([]);
  /** Layers shown besides the analyst's own (colleagues', gold), read-only. */
  const extraLayers = observable<ReadonlySet<LayerId>>(new Set());
  return {
    hiddenLabels,
    documentsOpen,
    dialog,
    searchOpen,
    sideTab,
    emphasis,
    extraLayers,
    toggleExtraLayer(layer: LayerId) {
      extraLayers.update((current) => {
        const next = new Set(current);
        if (next.has(layer)) next.delete(layer);
        else next.add(layer);
        return next;
      });
    },
    toggleLabelHidden(label: string) {
      hiddenLabels.update((current) => {
        const next = new Set(current);
        if (next.has(label)) next.delete(label);
        else next.add(label);
        return next;
      });
    },
    isVisible: (label: string) => !hiddenLabels.get().has(label),
  };
}

export type UiStore = ReturnType<typeof createUiStore>;
