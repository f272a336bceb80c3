// The one place main registers IPC handlers (src/main; one of the few modules that import electron). Every
// handler goes through `handleFromApp`, which answers only the app's own top frame (app://tagwright), and
// every contract method goes through the same validating dispatcher as the HTTP host: the renderer stays
// untrusted input. A test fails if ipcMain.handle appears anywhere else. Events flow the other way, to every
// window except the one whose request caused them.
import { ipcMain, type WebContents } from 'electron';
import { EVENT_CHANNEL, fail, methodNames } from '@shared/api';
import { APP_ORIGIN, senderIsApp } from './electron/trusted-sender';
import type { Dispatch } from './service/dispatch';
import type { EventHub } from './service/event-hub';

export { APP_ORIGIN };

/** Registers `handler` for `channel`, answering only the app's own window; returns the unregister call. */
export function handleFromApp(
  channel: string,
  handler: (payload: unknown, sender: WebContents) => Promise<unknown>,
): () => void {
  ipcMain.handle(channel, async (event, payload: unknown) => {
    if (!senderIsApp(event.senderFrame)) {
      return fail('unauthorized', 'IPC is only answered for the Tagwright window.');
    }
    return handler(payload, event.sender);
  });
  return () => ipcMain.removeHandler(channel);
}

export function bindIpc(dispatch: Dispatch): () => void {
  const unbind = methodNames.map((method) =>
    handleFromApp(method, (payload, sender) => dispatch(method, payload, { clientId: clientIdOf(sender) })),
  );
  return () => unbind.forEach((off) => off());
}

function clientIdOf(contents: WebContents): string {
  return `window-${contents.id}`;
}

/** Sends every workbench event caused elsewhere to this window until it is destroyed. */
export function connectEvents(contents: WebContents, events: EventHub): void {
  const unsubscribe = events.subscribe(clientIdOf(contents), (event) => contents.send(EVENT_CHANNEL, event));
  contents.once('destroyed', unsubscribe);
}
