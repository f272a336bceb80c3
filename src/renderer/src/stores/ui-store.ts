// Small pieces of view state shared by several components (src/renderer/stores): which labels the span
// panel hides. Kept out of the annotation store because it never reaches disk.
import { observable } from './observable';

export const hiddenLabels = observable<ReadonlySet<string>>(new Set());

export function toggleLabelHidden(label: string): void {
  hiddenLabels.update((current) => {
    const next = new Set(current);
    if (next.has(label)) next.delete(label);
    else next.add(label);
    return next;
  });
}
