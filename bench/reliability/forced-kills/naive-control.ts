// The forced-kill campaign's control (bench/reliability, Node only): a naive writer (plain writeFile, see
// naive-writer.ts) is killed and the same verdict is applied; it must be seen losing acknowledged spans, or the
// campaign is blind. Kills at random moments rarely land inside its short write (the full run reports how
// often); the control verdict therefore also kills it the moment its file is seen shorter than its last
// complete save, which is a moment inside the write.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerId } from '@shared/model';
import { openWorkspace } from '../../../src/main/store/workspace-store';
import { makeDocument, testLabelSchema } from '../../../src/main/store/test-support/fixtures';
import { generateArticle } from '../../lib/corpus';
import { REPO_ROOT } from '../lib/built-host';
import { freshDir, randomFor, sleep, within, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';

const NAIVE_SCRIPT = join(REPO_ROOT, 'bench', 'reliability', 'forced-kills', 'naive-writer.ts');
const DOC_ID = makeDocument('naive').id;
const KILL_WINDOW_MS = 200;
const TARGETED_TRIES = 12;

/** A workspace whose one document holds a large text, so every naive save rewrites megabytes. */
async function naiveTemplate(options: CampaignOptions): Promise<string> {
  const dir = await freshDir(options, 'naive-template');
  const store = await openWorkspace(dir, { owner: 'test', createWith: { labelSchema: testLabelSchema } });
  await store.createDocument(makeDocument(DOC_ID, generateArticle(2 * 1024 * 1024, 7).text));
  await store.close();
  return dir;
}

/** Starts a naive writer; `acked` fills with every span it says it saved. */
function startNaive(file: string): { child: ChildProcess; acked: string[]; firstAck: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', NAIVE_SCRIPT, file, 'alice'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  let pending = '';
  const firstAck = new Promise<void>((resolve) =>
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length > 0) resolve();
    }),
  );
  return { child, acked, firstAck };
}

/** Resolves once the file is seen shorter than its longest complete size so far: it is being rewritten. */
async function midWrite(file: string, giveUpMs = 5000): Promise<void> {
  const until = performance.now() + giveUpMs;
  let longest = 0;
  while (performance.now() < until) {
    const size = (await stat(file)).size;
    if (size < longest) return;
    longest = Math.max(longest, size);
  }
}

/** Kills one naive writer at `moment`; true when the verdict sees acknowledged spans lost or the file damaged. */
async function naiveKill(
  options: CampaignOptions,
  template: string,
  moment: (file: string) => Promise<void>,
) {
  const dir = await freshDir(options, 'naive');
  await cp(template, dir, { recursive: true });
  const file = join(dir, 'documents', `${DOC_ID}.json`);
  const { child, acked, firstAck } = startNaive(file);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await within(firstAck, 30_000, 'the naive writer’s first save');
    await moment(file);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const store = await openWorkspace(dir, { owner: 'test', readOnly: true });
  try {
    if (store.problems.length > 0) return true;
    const doc = await store.readDocument(DOC_ID);
    const stored = new Set((doc.layers['alice' as LayerId]?.spans ?? []).map((s) => s.id as string));
    return acked.some((id) => !stored.has(id));
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function naiveControl(options: CampaignOptions, tally: Tally): Promise<void> {
  const template = await naiveTemplate(options);
  const random = randomFor(options, 'naive');
  const randomKills = options.quick ? 0 : 50;
  for (let n = 0; n < randomKills; n++) {
    tally.count('naiveRandomKills');
    if (await naiveKill(options, template, () => sleep(random() * KILL_WINDOW_MS)))
      tally.count('naiveRandomLosses');
  }
  let caught = 0;
  let tried = 0;
  while (tried < TARGETED_TRIES && caught === 0) {
    tried += 1;
    if (await naiveKill(options, template, midWrite)) caught += 1;
  }
  tally.counts['naiveTargetedKills'] = tried;
  const detail = `killed mid-write ${tried} times before a loss was seen`;
  tally.controls.push({ name: 'naive-writer', caught: caught > 0, detail });
}
