// The browser-mode event stream under attack (bench/reliability, Node only): `GET /api/events` is a
// Server-Sent Events response that never ends, so forged requests to it are judged on their status line, and
// tabs named like prototype members ("__proto__", "constructor") must get their colleagues' changes like any
// other tab, and never their own back.
import { request, type ClientRequest } from 'node:http';
import type { ServeProcess } from '../lib/built-host';
import { httpRequest } from '../lib/built-host';
import { sleep } from '../lib/campaign';
import type { LaneDocument } from '../lib/edit-driver';
import { wordRanges } from '../lib/edit-model';
import type { Tally } from '../lib/figures';

export const EVENTS_PATH = '/api/events';
/** The host's rule for a tab's name in `x-tagwright-client`. */
export const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** An open event stream: the events it received so far, and how to close it. */
export interface EventStream {
  status: number;
  events: { kind: string }[];
  close(): void;
}

/**
 * Opens `GET <path>` with `headers` and resolves on the status line (an event stream never ends); the
 * connection stays open, collecting events, until `close()`.
 */
export function openEventStream(
  port: number,
  path: string,
  headers: Record<string, string>,
  omitHost = false,
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | null = null;
    const events: { kind: string }[] = [];
    req = request(
      { host: '127.0.0.1', port, path, method: 'GET', headers, agent: false, setHost: !omitHost },
      (res) => {
        let buffered = '';
        res.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const blocks = buffered.split('\n\n');
          buffered = blocks.pop() ?? '';
          for (const block of blocks) {
            const data = block.startsWith('data: ') ? block.slice('data: '.length) : null;
            if (data !== null) events.push(JSON.parse(data) as { kind: string });
          }
        });
        res.on('error', () => undefined);
        resolve({ status: res.statusCode ?? 0, events, close: () => req?.destroy() });
      },
    );
    req.setTimeout(10_000, () => req?.destroy(new Error('no status line within 10 s')));
    req.on('error', reject);
    req.end();
  });
}

/** Opens the stream as tab `clientId` with the right token. */
export function subscribe(host: ServeProcess, clientId: string): Promise<EventStream> {
  return openEventStream(host.port, EVENTS_PATH, {
    'x-tagwright-token': host.token,
    'x-tagwright-client': clientId,
  });
}

/** Adds a span as tab `clientId`; true when the host acknowledged it. */
async function saveAs(host: ServeProcess, clientId: string, body: unknown): Promise<boolean> {
  const reply = await httpRequest({
    port: host.port,
    method: 'POST',
    path: '/api/annotations:apply',
    headers: {
      'content-type': 'application/json',
      'x-tagwright-token': host.token,
      'x-tagwright-client': clientId,
    },
    body: JSON.stringify(body),
  });
  return reply.status === 200 && (JSON.parse(reply.body) as { ok: boolean }).ok;
}

/** Waits up to `ms` for `stream` to hold `count` annotation events. */
export async function awaitEvents(stream: EventStream, count: number, ms = 5_000): Promise<boolean> {
  const until = performance.now() + ms;
  const changes = () => stream.events.filter((e) => e.kind === 'annotations-changed').length;
  while (changes() < count && performance.now() < until) await sleep(25);
  return changes() >= count;
}

/**
 * Tabs named "tab-aaaaaaaa", "__proto__" and "constructor" listen; each saves one span in turn. Every tab must
 * hear the others' saves (`undelivered` otherwise) and never its own (`unhandled`: an echo would apply twice).
 */
export async function eventDelivery(host: ServeProcess, doc: LaneDocument, tally: Tally): Promise<void> {
  const tabs = ['tab-aaaaaaaa', '__proto__', 'constructor'];
  const words = wordRanges(doc.text);
  const streams = await Promise.all(tabs.map((tab) => subscribe(host, tab)));
  try {
    for (const [i, tab] of tabs.entries()) {
      const word = words[i] ?? { start: 0, end: 1 };
      const span = { id: `event-${i}`, label: 'claim', ...word };
      const body = { docId: doc.docId, layer: doc.layer, ops: [{ kind: 'add-span', span }] };
      const saved = await saveAs(host, tab, body);
      tally.expect(saved, 'unhandled', () => `tab ${tab} could not save while listening to events`);
    }
    for (const [i, stream] of streams.entries()) {
      tally.count('eventStreams');
      const others = tabs.length - 1;
      const heard = await awaitEvents(stream, others);
      tally.expect(
        heard,
        'undelivered',
        () => `tab ${tabs[i]} heard ${stream.events.length} of ${others} saves`,
      );
      await sleep(100);
      const echoes = stream.events.filter((e) => e.kind === 'annotations-changed').length - others;
      tally.expect(echoes <= 0, 'unhandled', () => `tab ${tabs[i]} got its own save back`);
    }
  } finally {
    for (const stream of streams) stream.close();
  }
}
