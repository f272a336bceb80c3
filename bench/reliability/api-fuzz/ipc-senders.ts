// Forged IPC senders (bench/reliability, Node only). Electron cannot run here, so the rule the IPC binding
// applies to every sender is loaded on its own and fed fake frames: other origins, look-alike origins,
// subframes of the app, no frame at all. The judge parses each URL itself: only a top frame whose origin is
// exactly app://tagwright may be answered. On a build where the rule still lives inside ipc.ts (which imports
// electron), it cannot be loaded: the campaign says so in its counts instead of testing a copy.
import fc from 'fast-check';
import type { Tally } from '../lib/figures';

/** Where the hardening work puts the rule, free of runtime electron imports. */
const RULE_MODULE: string = '../../../src/main/electron/trusted-sender';

interface Frame {
  url: string;
  parent: unknown;
}
type SenderRule = (frame: Frame | null | undefined) => boolean;

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

const forgedFrame: fc.Arbitrary<Frame | null | undefined> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      url: fc.oneof(
        fc.constantFrom(...CLAIMED_URLS),
        fc.webUrl(),
        fc.string({ maxLength: 40 }).map((s) => `app://tagwright/${s}`),
      ),
      parent: fc.constantFrom(null, { url: 'app://tagwright/index.html', parent: null }, undefined),
    }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Whether the app may answer: a top frame whose URL's origin is exactly app://tagwright. */
function mayAnswer(frame: Frame | null | undefined): boolean {
  if (frame === null || frame === undefined || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    const exact =
      url.protocol === 'app:' && url.host === 'tagwright' && url.username === '' && url.password === '';
    return exact && frame.url.startsWith('app://tagwright/');
  } catch {
    return false;
  }
}

async function loadRule(): Promise<SenderRule | null> {
  try {
    const loaded = (await import(RULE_MODULE)) as { senderIsApp?: SenderRule };
    return loaded.senderIsApp ?? null;
  } catch {
    return null;
  }
}

export async function fuzzIpcSenders(tally: Tally, runs: number, seed: number): Promise<void> {
  const rule = await loadRule();
  if (rule === null) {
    tally.counts['ipcSenders'] =
      'not loadable on this build (the rule is inside ipc.ts, which imports electron)';
    return;
  }
  for (const frame of fc.sample(forgedFrame, { numRuns: runs, seed })) {
    tally.count('ipcSenders');
    const answered = rule(frame);
    if (answered && !mayAnswer(frame))
      tally.fail('executed', `IPC answered a forged sender: ${JSON.stringify(frame)}`);
    if (!answered && mayAnswer(frame)) tally.count('ipcAppFramesRefused');
  }
}
