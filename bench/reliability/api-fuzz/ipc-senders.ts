// Forged IPC senders (bench/reliability, Node only): Electron cannot run here, so the sender rule the IPC binding
// applies (src/main/ipc-sender.ts) is fed fake events: frames from other origins, look-alike origins,
// subframes of the app, events without a frame. The judge parses each URL itself: only a top frame whose
// origin is exactly app://tagwright may be answered. (That bindIpc applies the rule is read in ipc.ts.)
import fc from 'fast-check';
import { senderIsApp, type SenderEvent } from '../../../src/main/ipc-sender';
import type { Tally } from '../lib/figures';

const CLAIMED_URLS = [
  'app://tagwright/index.html',
  'app://tagwright/',
  'app://tagwright',
  'app://tagwright.evil/',
  'app://tagwright@evil/',
  'app://evil@tagwright/',
  'app://tagwright:80/',
  'APP://tagwright/',
  'app://TAGWRIGHT/',
  'app://tagwright/../../etc/passwd',
  'http://127.0.0.1:5173/',
  'file:///index.html',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'chrome-error://chromewebdata/',
  '',
];

const frame: fc.Arbitrary<{ url: string; parent: unknown }> = fc.record({
  url: fc.oneof(
    fc.constantFrom(...CLAIMED_URLS),
    fc.webUrl(),
    fc.string({ maxLength: 40 }).map((s) => `app://tagwright/${s}`),
  ),
  parent: fc.oneof(
    fc.constant(null),
    fc.constant({ url: 'app://tagwright/index.html', parent: null }),
    fc.constant(undefined),
  ),
});

const forgedEvent: fc.Arbitrary<SenderEvent> = fc.oneof(
  { weight: 8, arbitrary: frame.map((senderFrame) => ({ senderFrame })) },
  { weight: 1, arbitrary: fc.constant({ senderFrame: null }) },
  { weight: 1, arbitrary: fc.constant({}) },
);

/** Whether the app may answer: a top frame whose URL's origin is exactly app://tagwright. */
function mayAnswer(event: SenderEvent): boolean {
  const sender = event.senderFrame;
  if (sender === null || sender === undefined || sender.parent !== null) return false;
  try {
    const url = new URL(sender.url);
    return (
      url.protocol === 'app:' &&
      url.host === 'tagwright' &&
      url.username === '' &&
      url.password === '' &&
      sender.url.startsWith('app://tagwright/')
    );
  } catch {
    return false;
  }
}

export function fuzzIpcSenders(tally: Tally, runs: number, seed: number): void {
  for (const event of fc.sample(forgedEvent, { numRuns: runs, seed })) {
    tally.count('ipcSenders');
    const answered = senderIsApp(event);
    if (answered && !mayAnswer(event))
      tally.fail('executed', `IPC answered a forged sender: ${JSON.stringify(event)}`);
    if (!answered && mayAnswer(event)) tally.count('ipcAppFramesRefused');
  }
}
