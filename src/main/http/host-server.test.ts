// The browser-mode host's guards: token, Host and Origin checks, body limits, static-file confinement and
// the CSP on every response. Requests go over real HTTP to a host on 127.0.0.1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '@shared/api';
import { startHost, TOKEN_HEADER, type RunningHost } from './host-server';

let host: RunningHost;
let rendererDir: string;
const calls: { method: string; payload: unknown }[] = [];

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'tagwright-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Tagwright</title>');
  await writeFile(join(tmpdir(), 'tagwright-outside.txt'), 'secret');
  host = await startHost({
    rendererDir,
    maxBodyBytes: 1024,
    dispatch: async (method, payload) => {
      calls.push({ method, payload });
      return method === 'workspace:get' ? ok({ hello: 'world' }) : fail('unknown-method', 'no');
    },
  });
});
afterAll(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const apiHeaders = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  [TOKEN_HEADER]: host.token,
  ...extra,
});

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('answers an API call that carries the token', async () => {
    const reply = await send('/api/workspace:get', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { hello: 'world' } });
  });

  it('refuses an API call without the token, before the service sees it', async () => {
    const before = calls.length;
    const reply = await send('/api/workspace:get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(calls.length).toBe(before);
  });

  it('refuses a wrong token of the same length', async () => {
    const wrong = host.token.replace(/./, (c) => (c === 'a' ? 'b' : 'a'));
    const reply = await send('/api/workspace:get', {
      method: 'POST',
      headers: apiHeaders({ [TOKEN_HEADER]: wrong }),
    });
    expect(reply.status).toBe(401);
  });

  it('refuses a request whose Host header is another name (DNS rebinding)', async () => {
    const reply = await send('/', { headers: { host: `evil.example:${host.port}` } });
    expect(reply.status).toBe(421);
  });

  it('refuses an API call from a foreign Origin even with the token', async () => {
    const reply = await send('/api/workspace:get', {
      method: 'POST',
      headers: apiHeaders({ origin: 'http://evil.example' }),
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a body over the limit and a body that is not JSON', async () => {
    const big = await send('/api/workspace:get', {
      method: 'POST',
      headers: apiHeaders(),
      body: 'x'.repeat(2048),
    });
    expect(big.status).toBe(413);
    const notJson = await send('/api/workspace:get', {
      method: 'POST',
      headers: apiHeaders(),
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses form posts (no JSON content type), which a cross-site page could send', async () => {
    const reply = await send('/api/workspace:get', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(reply.status).toBe(415);
  });

  it('answers a malformed request target with 400, not 500', async () => {
    for (const path of ['//[', '/%', '//x:y@[::1']) {
      const reply = await send(path);
      expect(reply.status).toBe(400);
    }
  });

  it('serves the renderer with the strict CSP and never a file outside its folder', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of [
      '/../tagwright-outside.txt',
      '/%2e%2e/tagwright-outside.txt',
      '/..%2ftagwright-outside.txt',
    ]) {
      const escape = await send(path);
      expect(escape.status).toBe(404);
      expect(escape.body).not.toContain('secret');
    }
  });
});

describe('browser-mode host connection limits', () => {
  let limited: RunningHost;
  beforeAll(async () => {
    limited = await startHost({
      rendererDir,
      dispatch: async () => ok({ saved: true }),
      limits: { maxUnauthenticated: 8, headersTimeoutMs: 1000, checkIntervalMs: 200 },
    });
  });
  afterAll(async () => limited.close());

  const connect = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port: limited.port }, () => resolve(socket));
      socket.on('error', reject);
      socket.resume(); // read whatever the host answers, so its closing the connection is seen
    });
  const closed = (socket: Socket): Promise<void> =>
    new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

  it('keeps idle unauthenticated connections to its cap, so they cannot exhaust file handles', async () => {
    const idle = await Promise.all(Array.from({ length: 40 }, connect));
    idle.forEach((socket) => socket.on('error', () => undefined));
    // The newest connections stay; the oldest idle ones beyond the cap are closed by the host.
    await Promise.all(idle.slice(0, 32).map(closed));
    const reply = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: limited.port,
          path: '/api/workspace:get',
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: limited.token },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(reply).toBe(200);
    idle.forEach((socket) => socket.destroy());
  });

  it('closes a connection whose request headers do not arrive in time', async () => {
    const socket = await connect();
    socket.on('error', () => undefined);
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });
});
