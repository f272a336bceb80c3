// The one key handler (src/renderer/hooks): every keydown in the window goes to the command registry, which
// runs the first command bound to the key that can run now. Keys typed into form fields reach only the
// commands that ask for them (Escape, Mod+K), so typing a note never tags anything.
import { useEffect } from 'react';
import type { AppServices } from '../services/app-services';

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    // <dialog> too (its role is implicit): Escape there closes the dialog, it must not deselect the span.
    target.closest('input, textarea, select, dialog, [role="dialog"], [contenteditable="false"]') !== null
  );
}

export function useCommandKeys(services: AppServices): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented && !isEditorTarget(event.target)) return;
      // A drop-down list keeps all its keys (Alt+ArrowDown opens it).
      if (event.target instanceof HTMLSelectElement) return;
      if (services.commands.handleKey(event, services.context(), isTextField(event.target)))
        event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [services]);
}

/** ProseMirror prevents the browser default of Mod-z, Escape and Delete in the text (there is nothing to edit),
 * and those are exactly keys the commands handle: so a prevented event from the text still counts. */
function isEditorTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('.tw-document') !== null;
}
