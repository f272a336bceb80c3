// The browser-mode half of the event channel (src/main): a Server-Sent Events response that carries every
// workbench event to one tab until it disconnects. A comment line every 20 s keeps idle proxies and the
// browser from closing the stream.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../security-headers';
import type { EventHub } from '../service/event-hub';

const KEEP_ALIVE_MS = 20_000;

export function serveEvents(
  req: IncomingMessage,
  res: ServerResponse,
  hub: EventHub,
  clientId: string,
): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = hub.subscribe(clientId, (event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const close = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', close);
  res.on('error', close);
}
