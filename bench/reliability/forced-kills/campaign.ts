// Campaign 1, forced kills (bench/reliability, Node only): the built host saves an analyst's edits and
// imports as fast as they come and is SIGKILLed at a random moment after its first acknowledged save, over
// and over; after each kill the workspace is reopened as a restarted app would and must hold every
// acknowledged span. A naive writer (plain writeFile) is killed the same way as a control that must lose data.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { LayerId } from '@shared/model';
import { openWorkspace } from '../../../src/main/store/workspace-store';
import { makeDocument, testLabelSchema } from '../../../src/main/store/test-support/fixtures';
import { generateArticle } from '../../lib/corpus';
import { startServe, REPO_ROOT } from '../lib/built-host';
import { defineCampaign, freshDir, randomFor, sleep, within, type CampaignOptions } from '../lib/campaign';
import { EditDriver } from '../lib/edit-driver';
import type { Tally } from '../lib/figures';
import { prepareSession, verifySession } from '../lib/session';

const NAIVE_SCRIPT = join(REPO_ROOT, 'bench', 'reliability', 'forced-kills', 'naive-writer.ts');
/** Kills land up to this long after the first acknowledged save, while saves and imports are in flight. */
const KILL_WINDOW_MS = 200;
const KILLS_PER_WORKSPACE = 50;

async function killLoop(options: CampaignOptions, tally: Tally, lane: number, kills: number): Promise<void> {
  const random = randomFor(options, `forced-kills-${lane}`);
  let dir = '';
  let session = null;
  for (let kill = 0; kill < kills; kill++) {
    if (kill % KILLS_PER_WORKSPACE === 0) {
      dir = await freshDir(options, `kills-${lane}`);
      session = await prepareSession(dir, 3, 40_000, options.seed + lane * 100);
      tally.count('workspaces');
    }
    if (session === null) throw new Error('no session');
    const label = `lane ${lane} kill ${kill}`;
    const outcome = await startServe(dir);
    if (outcome.kind === 'refused') {
      tally.fail(
        'crashed',
        `${label}: the host would not reopen the workspace: ${outcome.output.slice(0, 300)}`,
      );
      await rm(join(dir, '.lock'), { recursive: true, force: true });
      continue;
    }
    const driver = new EditDriver(outcome.host, session.docs, session.imports, random, `k${lane}x${kill}-`);
    driver.start();
    try {
      await within(driver.firstAck, 20_000, 'a first acknowledged save');
      await sleep(random() * KILL_WINDOW_MS);
    } catch (error) {
      tally.fail('unhandled', `${label}: ${String(error)}`);
    }
    if (driver.inFlight() > 0) tally.count('inFlightAtKill');
    await outcome.host.stop('SIGKILL');
    await driver.stop();
    tally.count('kills');
    tally.count('acked', driver.acks);
    for (const refusal of driver.refusals)
      tally.fail('unhandled', `${label}: a valid save was refused: ${refusal}`);
    // The host is dead for sure: its lock goes too (restart timing after a kill is campaign 4's business).
    await rm(join(dir, '.lock'), { recursive: true, force: true });
    await verifySession(dir, session, tally, label);
    if ((kill + 1) % 100 === 0) options.log(`forced kills: lane ${lane}, ${kill + 1}/${kills}`);
  }
}

/** A workspace whose one document holds a large text, so every naive save rewrites megabytes. */
async function naiveTemplate(options: CampaignOptions): Promise<string> {
  const dir = await freshDir(options, 'naive-template');
  const store = await openWorkspace(dir, {
    owner: 'test',
    createWith: { labelSchema: testLabelSchema },
    backupIntervalMinutes: 0,
  });
  await store.createDocument(makeDocument('naive', generateArticle(3 * 1024 * 1024, 7).text));
  await store.close();
  return dir;
}

/** Kills one naive writer; true when the harness saw it lose acknowledged spans or leave a damaged file. */
async function naiveKill(options: CampaignOptions, template: string, random: () => number): Promise<boolean> {
  const dir = await freshDir(options, 'naive');
  await cp(template, dir, { recursive: true });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', NAIVE_SCRIPT, join(dir, 'documents', 'naive.json'), 'alice'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const acked: string[] = [];
  let pending = '';
  const firstAck = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length > 0) resolve();
    }),
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await within(firstAck, 30_000, 'the naive writer’s first save');
    await sleep(random() * KILL_WINDOW_MS);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const store = await openWorkspace(dir, { owner: 'test', readOnly: true });
  try {
    if (store.problems.length > 0) return true;
    const doc = await store.readDocument(makeDocument('naive').id);
    const stored = new Set((doc.layers['alice' as LayerId]?.spans ?? []).map((s) => s.id as string));
    return acked.some((id) => !stored.has(id));
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const forcedKills = defineCampaign(
  'forced-kills',
  'SIGKILL the built host at random moments while it saves; every acknowledged span must survive.',
  ['invalidFiles'],
  async (options, tally) => {
    const lanes = options.quick ? 1 : 2;
    const kills = options.quick ? 3 : 500;
    await Promise.all(Array.from({ length: lanes }, (_, lane) => killLoop(options, tally, lane, kills)));

    const template = await naiveTemplate(options);
    const random = randomFor(options, 'naive');
    const naiveRuns = options.quick ? 12 : 50;
    let caught = 0;
    let tried = 0;
    while (tried < naiveRuns && !(options.quick && caught > 0)) {
      tried += 1;
      if (await naiveKill(options, template, random)) caught += 1;
    }
    tally.controls.push({
      name: 'naive-writer',
      caught: caught > 0,
      detail: `${caught} of ${tried} kills lost acknowledged spans`,
    });
    tally.counts['naiveKills'] = tried;
    tally.counts['naiveLosses'] = caught;
  },
);
