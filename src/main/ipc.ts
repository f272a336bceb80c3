// The one place main registers IPC handlers (src/main; one of the few modules that import electron). Every
// handler goes through `handleFromApp`, which answers only the app's own top frame (app://tagwright), and
// every contract method goes through the same validating dispatcher as the HTTP host: the renderer stays
// untrusted input. A test fails if ipcMain.handle appears anywhere else.
import { ipcMain } from 'electron';
import { fail, methodNames } from '@shared/api';
import { APP_ORIGIN, senderIsApp } from './electron/trusted-sender';
import type { Dispatch } from './service/dispatch';

export { APP_ORIGIN };

/** Registers `handler` for `channel`, answering only the app's own window; returns the unregister call. */
export function handleFromApp(channel: string, handler: (payload: unknown) => Promise<unknown>): () => void {
  ipcMain.handle(channel, async (event, payload: unknown) => {
    if (!senderIsApp(event.senderFrame)) {
      return fail('unauthorized', 'IPC is only answered for the Tagwright window.');
    }
    return handler(payload);
  });
  return () => ipcMain.removeHandler(channel);
}

export function bindIpc(dispatch: Dispatch): () => void {
  const unbind = methodNames.map((method) => handleFromApp(method, (payload) => dispatch(method, payload)));
  return () => unbind.forEach((off) => off());
}
