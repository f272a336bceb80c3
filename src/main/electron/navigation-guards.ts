// What every web contents may not do (src/main/electron): navigate (its own frame or a subframe), follow a
// redirect, attach a webview or open a window. Takes the contents as a parameter and imports electron's types
// only, so the guards are tested with a fake instead of an Electron binary.
import type { WebContents } from 'electron';

/** The events whose default action is refused on every web contents. */
export const REFUSED_EVENTS = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
  'will-attach-webview',
] as const;

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler'> & {
  on(event: (typeof REFUSED_EVENTS)[number], listener: (event: { preventDefault(): void }) => void): unknown;
};

export function guardWebContents(contents: GuardedContents): void {
  for (const name of REFUSED_EVENTS) contents.on(name, (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
