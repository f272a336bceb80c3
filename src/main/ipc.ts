// Binds every contract method to ipcMain (src/main; one of the few modules that import electron).
// Requests are accepted only from the app's own frame (app://tagwright) and go through the same validating
// dispatcher as the HTTP host, so the renderer stays untrusted input.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail, methodNames } from '@shared/api';
import type { Dispatch } from './service/dispatch';

export const APP_ORIGIN = 'app://tagwright';

function senderIsApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && event.senderFrame?.parent === null;
}

export function bindIpc(dispatch: Dispatch): () => void {
  for (const method of methodNames) {
    ipcMain.handle(method, async (event, payload: unknown) => {
      if (!senderIsApp(event)) return fail('unauthorized', 'IPC is only answered for the Tagwright window.');
      return dispatch(method, payload);
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(method));
}
