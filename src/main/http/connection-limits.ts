// Connection limits of the browser-mode host (src/main/http). Node's defaults let idle connections pile up
// (300 idle unauthenticated ones exhausted the file handles, and saves failed with EMFILE), so the host caps
// all connections, bounds header, request and keep-alive time, and keeps at most a few connections that have
// not yet shown the token: when one more arrives, the oldest idle one of them is closed.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Connections at most; more are refused by Node (default 128, well under the usual 1024 file handles). */
  maxConnections?: number;
  /** Connections that have not sent a request with the token (default 32; a browser opens about 6). */
  maxUnauthenticated?: number;
  /** Time to receive a request's headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, body included (default 2 minutes: a 48 MiB import on a slow disk). */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** How often Node checks the header and request timeouts (default 1 s; Node's own is 30 s). */
  checkIntervalMs?: number;
}

/** What createServer needs before the server exists. */
export function serverOptions(limits: ConnectionLimits = {}): { connectionsCheckingInterval: number } {
  return { connectionsCheckingInterval: limits.checkIntervalMs ?? 1000 };
}

/** Applies the limits to `server`; returns `trust(socket)`, to call once a request on it showed the token. */
export function limitConnections(server: Server, limits: ConnectionLimits = {}): (socket: Socket) => void {
  server.maxConnections = limits.maxConnections ?? 128;
  server.headersTimeout = limits.headersTimeoutMs ?? 10_000;
  server.requestTimeout = limits.requestTimeoutMs ?? 120_000;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs ?? 5_000;
  const cap = limits.maxUnauthenticated ?? 32;
  /** Sockets without the token, oldest first (a Set keeps insertion order). */
  const untrusted = new Set<Socket>();
  const busy = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    untrusted.add(socket);
    socket.once('close', () => {
      untrusted.delete(socket);
      busy.delete(socket);
    });
    if (untrusted.size > cap) evictOldest(untrusted, busy, socket);
  });
  server.on('request', (req, res) => {
    busy.add(req.socket);
    res.once('close', () => busy.delete(req.socket));
  });
  return (socket) => void untrusted.delete(socket);
}

/** Closes the oldest untrusted socket that is not serving a request (else the oldest one but `newest`). */
function evictOldest(untrusted: Set<Socket>, busy: Set<Socket>, newest: Socket): void {
  let victim: Socket | undefined;
  for (const socket of untrusted) {
    if (socket === newest) continue;
    victim ??= socket;
    if (!busy.has(socket)) {
      victim = socket;
      break;
    }
  }
  untrusted.delete(victim ?? newest);
  (victim ?? newest).destroy();
}
