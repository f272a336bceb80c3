// The browser-mode host (src/main): a small HTTP server on 127.0.0.1 that serves the built renderer and
// `POST /api/<method>` for the same service the Electron app uses. Guarded by a random per-launch token
// (printed in the URL, like Jupyter), Host and Origin checks against DNS rebinding, and the app's CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, MAX_REQUEST_BYTES, fail, type Result } from '@shared/api';
import type { Caller, Dispatch } from '../service/dispatch';
import type { EventHub } from '../service/event-hub';
import { serveEvents } from './event-stream';
import { SECURITY_HEADERS } from '../security-headers';
import { limitConnections, serverOptions, type ConnectionLimits } from './connection-limits';
import { readStaticFile, withPageAttributes, type PageAttributes } from './static-files';

export const TOKEN_HEADER = 'x-tagwright-token';
/** Each tab names itself with a random id, so the events its own requests cause are not echoed back. */
export const CLIENT_HEADER = 'x-tagwright-client';
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface HostOptions {
  dispatch: Dispatch;
  /** Where the event stream (GET /api/events) subscribes; without it the stream is refused. */
  events?: EventHub;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body (defaults to the contract's MAX_REQUEST_BYTES). */
  maxBodyBytes?: number;
  /** Connection, header and request-time limits (see connection-limits.ts for the defaults). */
  limits?: ConnectionLimits;
  /** Written onto index.html's <html> element (theme, text size), so the first paint is right. */
  pageAttributes?: PageAttributes;
  log?: (message: string) => void;
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server = createServer(serverOptions(options.limits), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.(`request failed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });
  const trust = limitConnections(server, options.limits);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return send(
        res,
        421,
        'text/plain; charset=utf-8',
        'This host only answers to 127.0.0.1 and localhost.',
      );
    }
    const url = parseTarget(req.url ?? '/', req.headers.host ?? '');
    if (url === null) return send(res, 400, 'text/plain; charset=utf-8', 'Malformed request target');
    if (url.pathname === EVENTS_PATH) return handleEvents(req, res, port);
    if (url.pathname.startsWith('/api/'))
      return handleApi(req, res, url.pathname.slice('/api/'.length), port);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const found = await readStaticFile(options.rendererDir, url.pathname);
    if (found === null) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const file = withPageAttributes(found, options.pageAttributes);
    send(res, 200, file.contentType, req.method === 'HEAD' ? '' : file.body, { 'Cache-Control': 'no-store' });
  }

  /** The checks every API request passes: Origin, method, token. Sends the refusal and returns false. */
  function admitted(req: IncomingMessage, res: ServerResponse, hostPort: number, verb: string): boolean {
    const origin = req.headers.origin;
    const allowedOrigins = [`http://127.0.0.1:${hostPort}`, `http://localhost:${hostPort}`];
    if (origin !== undefined && !allowedOrigins.includes(origin)) {
      sendResult(res, 403, fail('unauthorized', `Requests from ${origin} are not allowed.`));
      return false;
    }
    if (req.method !== verb) {
      sendResult(res, 405, fail('invalid-request', `Use ${verb} for this API call.`));
      return false;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      sendResult(
        res,
        401,
        fail('unauthorized', 'Missing or wrong access token: open the URL the host printed.'),
      );
      return false;
    }
    return true;
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, hostPort: number): void {
    if (!admitted(req, res, hostPort, 'GET')) return;
    const clientId = callerOf(req).clientId;
    if (options.events === undefined || clientId === 'anonymous') {
      return sendResult(
        res,
        400,
        fail('invalid-request', `The event stream needs a ${CLIENT_HEADER} header.`),
      );
    }
    serveEvents(req, res, options.events, clientId);
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    hostPort: number,
  ): Promise<void> {
    if (!admitted(req, res, hostPort, 'POST')) return;
    trust(req.socket);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendResult(res, 415, fail('invalid-request', 'API requests must be application/json.'));
    }
    const limit = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuseTooLarge(res, limit);
    const body = await readBody(req, limit);
    if (body === null) return refuseTooLarge(res, limit);
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      return sendResult(
        res,
        400,
        fail('invalid-request', `The request body is not valid JSON: ${String(error)}`),
      );
    }
    let methodName: string;
    try {
      methodName = decodeURIComponent(method);
    } catch {
      return sendResult(res, 400, fail('invalid-request', 'The method name in the URL is not valid.'));
    }
    sendResult(res, 200, await options.dispatch(methodName, payload, callerOf(req)));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function callerOf(req: IncomingMessage): Caller {
  const header = req.headers[CLIENT_HEADER];
  return { clientId: typeof header === 'string' && CLIENT_ID.test(header) ? header : 'anonymous' };
}

/** The request target as a URL, or null when it is malformed (`//[`, or a path with a bad %-escape). */
function parseTarget(target: string, host: string): URL | null {
  try {
    const url = new URL(target, `http://${host}`);
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function refuseTooLarge(res: ServerResponse, limit: number): void {
  res.setHeader('Connection', 'close');
  sendResult(res, 413, fail('too-large', `The request is larger than ${limit} bytes.`));
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra });
  res.end(body);
}
