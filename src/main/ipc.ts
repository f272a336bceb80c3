// Binds every contract method to ipcMain (src/main; one of the few modules that import electron).
// Requests are accepted only from the app's own frame (app://tagwright) and go through the same validating
// dispatcher as the HTTP host, so the renderer stays untrusted input.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, fail, methodNames } from '@shared/api';
import type { Dispatch } from './service/dispatch';
import type { EventHub } from './service/event-hub';

export const APP_ORIGIN = 'app://tagwright';

function senderIsApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && event.senderFrame?.parent === null;
}

export function bindIpc(dispatch: Dispatch): () => void {
  for (const method of methodNames) {
    ipcMain.handle(method, async (event, payload: unknown) => {
      if (!senderIsApp(event)) return fail('unauthorized', 'IPC is only answered for the Tagwright window.');
      return dispatch(method, payload, { clientId: clientIdOf(event.sender) });
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(method));
}

function clientIdOf(contents: WebContents): string {
  return `window-${contents.id}`;
}

/** Sends every workbench event caused elsewhere to this window until it is destroyed. */
export function connectEvents(contents: WebContents, events: EventHub): void {
  const unsubscribe = events.subscribe(clientIdOf(contents), (event) => contents.send(EVENT_CHANNEL, event));
  contents.once('destroyed', unsubscribe);
}
