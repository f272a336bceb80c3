// Which IPC senders main answers (src/main). Kept apart from ipc.ts, which imports electron, so the rule can be
// unit-tested and fuzzed with fake events where Electron cannot run: only the app's own top frame, loaded
// from app://tagwright/, is answered; a subframe or any other origin is not.

export const APP_ORIGIN = 'app://tagwright';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  senderFrame?: { url: string; parent: unknown } | null;
}

export function senderIsApp(event: SenderEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && event.senderFrame?.parent === null;
}
