// The event channel in browser mode: a tab's Server-Sent Events stream carries the changes other tabs make,
// never its own, and is refused without the launch token.
import { request, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport, WorkbenchEvent, WorkspaceView } from '@shared/api';
import { base64, tempWorkbench, valueOf } from '../service/test-support';
import { CLIENT_HEADER, startHost, TOKEN_HEADER, type RunningHost } from './host-server';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
let host: RunningHost;

beforeEach(async () => {
  wb = await tempWorkbench();
  host = await startHost({ dispatch: wb.dispatch, events: wb.events, rendererDir: wb.store.dir });
});
afterEach(async () => {
  await host.close();
  await wb.cleanup();
});

/** Opens the stream as `clientId`; collects the events it receives. */
function openStream(clientId: string, token = host.token) {
  const events: WorkbenchEvent[] = [];
  return new Promise<{ status: number; events: WorkbenchEvent[]; close(): void }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: '/api/events',
        headers: { [TOKEN_HEADER]: token, [CLIENT_HEADER]: clientId },
      },
      (res: IncomingMessage) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (data !== undefined) events.push(JSON.parse(data) as WorkbenchEvent);
          }
        });
        resolve({ status: res.statusCode ?? 0, events, close: () => req.destroy() });
      },
    );
    req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
    req.end();
  });
}

/** Polls until `check` holds (the stream and the hub talk over real sockets). */
async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(check()).toBe(true), { timeout: 2000, interval: 5 });
}

describe('the event stream', () => {
  it('carries a tag made by another tab to this one, and not back to the tab that made it', async () => {
    const view = valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', {
        files: [{ name: 'a.txt', dataBase64: base64('Damascus insists on a withdrawal.') }],
      }),
    );
    const mine = await openStream('tab-aaaaaaaa');
    const theirs = await openStream('tab-bbbbbbbb');
    await until(() => wb.events.size === 2);
    await wb.dispatch(
      'annotations:apply',
      {
        docId: report.imported[0]!.id,
        layer: view.localAnnotator!.id,
        ops: [{ kind: 'add-span', span: { id: 's1', label: 'actor', start: 0, end: 8 } }],
      },
      { clientId: 'tab-aaaaaaaa' },
    );
    await until(() => theirs.events.length > 0);
    expect(theirs.events[0]).toMatchObject({
      kind: 'annotations-changed',
      revision: 1,
      delta: { addedSpans: [{ id: 's1', quote: 'Damascus' }] },
    });
    expect(mine.events).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('is refused without the launch token', async () => {
    const stream = await openStream('tab-cccccccc', 'wrong');
    expect(stream.status).toBe(401);
    stream.close();
  });

  it('forgets a tab once its stream closes', async () => {
    const stream = await openStream('tab-dddddddd');
    await until(() => wb.events.size === 1);
    stream.close();
    await until(() => wb.events.size === 0);
    expect(wb.events.size).toBe(0);
  });
});
