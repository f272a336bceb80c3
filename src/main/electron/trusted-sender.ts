// Who may talk to main over IPC (src/main/electron): only the app's own top frame at app://tagwright/. Kept
// free of runtime electron imports so it is tested without an Electron binary; ipc.ts applies it to every
// handler through its one wrapper.
import type { WebFrameMain } from 'electron';

export const APP_ORIGIN = 'app://tagwright';

/** True for the top frame of a page served by the app itself; subframes and other origins are refused. */
export function senderIsApp(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`) && frame.parent === null;
}
