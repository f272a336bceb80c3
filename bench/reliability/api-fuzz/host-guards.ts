// The built host's guards under forged requests (bench/reliability, Node only): generated combinations of
// method, path, Host, Origin, token, tab name and content type hit `serve` over real HTTP, the event stream
// included. Only a request that passes every guard may reach the service; none may get a 5xx or kill the host,
// and the files must be unchanged. Then the limits: 300 idle unauthenticated connections under a 256-file
// limit (the analyst's save and event stream must go on), a huge header, a huge body.
import { connect, type Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { httpRequest, startServe, type ServeProcess } from '../lib/built-host';
import { freshDir, messageOf, sleep, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import type { LaneDocument } from '../lib/edit-driver';
import { prepareSession } from '../lib/session';
import {
  awaitEvents,
  CLIENT_ID,
  eventDelivery,
  EVENTS_PATH,
  openEventStream,
  subscribe,
} from './event-stream';

interface Forged {
  verb: string;
  path: string;
  host: string | null;
  origin: string | null;
  token: string | null;
  /** The tab's name (x-tagwright-client), which the event stream needs. */
  client: string | null;
  contentType: string | null;
  body: string;
}

const API_PATHS = [
  '/api/workspace:get',
  '/api/annotator:set-local',
  '/api/documents:import',
  '/api/annotations:apply',
  '/api/events',
  '/api/events?client=tab-12345678',
  '/api/events/',
  '/api/__proto__',
  '/api/constructor',
  '/api/',
  '/api/%',
  '/api/%E0%A4%A',
  '/api/..%2f..%2fpackage.json',
];
const OTHER_PATHS = [
  '/',
  '/index.html',
  '//[',
  '/%',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/../package.json',
  '/assets/../../package.json',
  '/%00',
  `/${'a'.repeat(8000)}`,
];
const BODIES = [
  '{}',
  '{"name":"Mallory"}',
  'not json',
  '',
  '{"files":[{"name":"x.txt","dataBase64":"eA=="}]}',
  '[',
  '{"__proto__":{"polluted":true}}',
];

function forgedRequests(host: ServeProcess): fc.Arbitrary<Forged> {
  const own = `127.0.0.1:${host.port}`;
  const token = host.token;
  return fc.record({
    verb: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'),
    path: fc.oneof(fc.constantFrom(...API_PATHS, ...OTHER_PATHS), fc.webPath()),
    host: fc.constantFrom(
      own,
      `localhost:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1.evil.example:${host.port}`,
      '',
      `[::1]:${host.port}`,
      '127.0.0.1',
      null,
    ),
    origin: fc.constantFrom(
      null,
      `http://${own}`,
      'http://evil.example',
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      'file://',
      `https://${own}`,
    ),
    token: fc.constantFrom(
      token,
      null,
      '',
      token.slice(1),
      `${token}x`,
      token.toUpperCase(),
      `${token.slice(0, -1)}é`,
      'x'.repeat(token.length),
    ),
    client: fc.constantFrom(
      null,
      'tab-12345678',
      '__proto__',
      'constructor',
      'anonymous',
      'short',
      'x'.repeat(65),
      'tab-ünïcode',
    ),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      null,
      'application/json; charset=utf-8',
    ),
    body: fc.constantFrom(...BODIES),
  });
}

const isEvents = (r: Forged): boolean => r.path.split('?')[0] === EVENTS_PATH;

/** Whether a request may be served: own Host and Origin, the token, and the method's own needs. */
function passesGuards(r: Forged, host: ServeProcess): boolean {
  const hostOk = r.host === `127.0.0.1:${host.port}` || r.host === `localhost:${host.port}`;
  const originOk =
    r.origin === null ||
    r.origin === `http://127.0.0.1:${host.port}` ||
    r.origin === `http://localhost:${host.port}`;
  const credentials = hostOk && originOk && r.token === host.token;
  if (isEvents(r)) return credentials && r.verb === 'GET' && r.client !== null && CLIENT_ID.test(r.client);
  return credentials && r.verb === 'POST' && (r.contentType ?? '').startsWith('application/json');
}

async function send(host: ServeProcess, r: Forged): Promise<{ status: number }> {
  const headers: Record<string, string> = {};
  if (r.host !== null) headers['host'] = r.host;
  if (r.origin !== null) headers['origin'] = r.origin;
  if (r.token !== null) headers['x-tagwright-token'] = r.token;
  if (r.client !== null) headers['x-tagwright-client'] = r.client;
  if (r.contentType !== null) headers['content-type'] = r.contentType;
  if (isEvents(r) && r.verb === 'GET') {
    // An event stream answers with its status line and then stays open: judge the status, then hang up.
    const stream = await openEventStream(host.port, r.path, headers, r.host === null);
    stream.close();
    return stream;
  }
  return httpRequest({
    port: host.port,
    method: r.verb,
    path: r.path,
    headers,
    body: r.verb === 'GET' || r.verb === 'HEAD' ? undefined : r.body,
    omitHost: r.host === null,
    timeoutMs: 10_000,
  });
}

async function filesOf(dir: string, docIds: readonly string[]): Promise<Buffer[]> {
  return Promise.all(
    ['workspace.json', ...docIds.map((id) => `documents/${id}.json`)].map((f) => readFile(join(dir, f))),
  );
}

const isAlive = (host: ServeProcess): Promise<boolean> =>
  host.call('workspace:get', {}, 5_000).then(
    (result) => result.ok,
    () => false,
  );

/** Sends one forged request; only a request that passed every guard may be served, none may get a 5xx. */
async function forgedRequest(host: ServeProcess, request: Forged, tally: Tally): Promise<void> {
  const legit = passesGuards(request, host) && request.path.startsWith('/api/');
  // A request with every credential right only reads: the guards, not the service, are under test here.
  const r = legit && !isEvents(request) ? { ...request, path: '/api/workspace:get', body: '{}' } : request;
  const token = r.token === host.token ? 'right' : 'forged';
  const label = `${r.verb} ${r.path.slice(0, 60)} host=${r.host} origin=${r.origin} token=${token}`;
  tally.count('forgedRequests');
  try {
    const reply = await send(host, r);
    if (reply.status >= 500)
      tally.fail('unhandled', `${label} answered ${reply.status}`, `${r.path} ${reply.status}`);
    else if (r.path.startsWith('/api/') && !legit && reply.status < 300) {
      tally.fail('executed', `${label} was answered ${reply.status}`);
    }
  } catch (error) {
    // Node's client refuses some shapes itself; only a host that stops answering is a crash.
    if (await isAlive(host)) tally.count('notSendable');
    else tally.fail('crashed', `${label}: ${messageOf(error)}, and the host no longer answers`);
  }
}

export async function fuzzHostGuards(options: CampaignOptions, tally: Tally, runs: number): Promise<void> {
  const dir = await freshDir(options, 'guards');
  const session = await prepareSession(dir, 1, 2_000, options.seed);
  const outcome = await startServe(dir);
  if (outcome.kind === 'refused') throw new Error(`the host did not start: ${outcome.output}`);
  const host = outcome.host;
  const docIds = session.docs.map((d) => d.docId);
  const before = await filesOf(dir, docIds);
  try {
    for (const request of fc.sample(forgedRequests(host), { numRuns: runs, seed: options.seed })) {
      await forgedRequest(host, request, tally);
    }
    const after = await filesOf(dir, docIds);
    const untouched = before.every((bytes, i) => bytes.equals(after[i] ?? Buffer.alloc(0)));
    tally.expect(untouched, 'overwritten', () => 'a forged request changed the workspace files');
    // The guards must still let the analyst in, or refusing everything would pass for safety.
    tally.controls.push({
      name: 'legit-request-served',
      caught: await isAlive(host),
      detail: 'workspace:get with the token',
    });
    const doc = session.docs[0];
    if (doc !== undefined) await eventDelivery(host, doc, tally);
  } finally {
    await host.stop();
  }
}

/** With `idle` connections open and silent, the analyst's own save must still work. */
async function idleConnections(
  host: ServeProcess,
  doc: LaneDocument,
  tally: Tally,
  idle: number,
): Promise<void> {
  const sockets: Socket[] = [];
  const stream = await subscribe(host, 'tab-flooded');
  try {
    for (let i = 0; i < idle; i++) sockets.push(connect(host.port, '127.0.0.1').on('error', () => undefined));
    await sleep(500);
    const ops = [{ kind: 'add-span', span: { id: 'flood', label: 'claim', start: 0, end: 4 } }];
    const save = await host
      .call('annotations:apply', { docId: doc.docId, layer: doc.layer, ops }, 3_000)
      .catch((e: unknown) => ({ ok: false as const, error: { message: messageOf(e) } }));
    const why = save.ok ? '' : save.error.message;
    tally.expect(save.ok, 'starved', () => `with ${idle} idle connections open, a save failed: ${why}`);
    const heard = await awaitEvents(stream, 1);
    tally.expect(heard, 'starved', () => `with ${idle} idle connections open, the event stream went quiet`);
    tally.count('floodConnections', idle);
  } finally {
    stream.close();
    for (const socket of sockets) socket.destroy();
  }
}

/** A 1 MiB header and a body claiming 1 GiB are refused without a 5xx, and the host lives on. */
async function oversizedRequests(host: ServeProcess, tally: Tally): Promise<void> {
  // Node answers 431 and drops the connection while the header is still being sent: either is fine.
  const header = await httpRequest({
    port: host.port,
    path: '/',
    headers: { 'x-filler': 'x'.repeat(1 << 20) },
  }).catch(() => null);
  tally.expect(
    header === null || header.status < 500,
    'unhandled',
    () => `a 1 MiB header: ${header?.status}`,
  );
  tally.expect(await isAlive(host), 'crashed', () => 'the host stopped answering after a 1 MiB header');
  const claimed = await httpRequest({
    port: host.port,
    method: 'POST',
    path: '/api/workspace:get',
    headers: {
      'content-type': 'application/json',
      'x-tagwright-token': host.token,
      'content-length': String(1 << 30),
    },
    body: '{}',
    timeoutMs: 5_000,
  }).catch((e: unknown) => ({ status: 0, body: messageOf(e), ms: 0 }));
  tally.expect(
    claimed.status === 413,
    'unhandled',
    () => `a body claiming 1 GiB: ${claimed.status} ${claimed.body.slice(0, 100)}`,
  );
}

/** The host under a 256-file limit (a common desktop default): floods must not starve the analyst. */
export async function floodLimits(options: CampaignOptions, tally: Tally, idle: number): Promise<void> {
  const dir = await freshDir(options, 'flood');
  const doc = (await prepareSession(dir, 1, 2_000, options.seed)).docs[0];
  const outcome = await startServe(dir, { openFileLimit: 256 });
  if (outcome.kind === 'refused' || doc === undefined) throw new Error('the host did not start');
  try {
    await idleConnections(outcome.host, doc, tally, idle);
    await oversizedRequests(outcome.host, tally);
  } finally {
    await outcome.host.stop();
  }
}
