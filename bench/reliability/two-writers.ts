// Campaign 4, two writers (bench/reliability, Node only): while the built host saves an analyst's edits, a
// second `serve`, a CLI import and a second app (the store the Electron entry opens) try the same workspace.
// Each must be refused with a message naming the holder, and no acknowledged write may be lost. Two hosts
// started at the same instant must not both win, and after the holder is killed a restart must not wait.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '@shared/api';
import { openApp } from './lib/app';
import { runBuiltCli, startServe, type ServeProcess } from './lib/built-host';
import {
  defineCampaign,
  freshDir,
  messageOf,
  randomFor,
  sleep,
  within,
  type CampaignOptions,
} from './lib/campaign';
import { EditDriver } from './lib/edit-driver';
import type { Tally } from './lib/figures';
import { inspectWorkspace } from './lib/workspace-oracle';
import { prepareSession, verifySession } from './lib/session';

/** A refusal is clear when it says the workspace is in use and names the holder's kind and pid. */
function namesHolder(message: string, holder: ServeProcess): boolean {
  return /already open|workspace-locked/i.test(message) && message.includes(`serve, pid ${holder.pid}`);
}

async function secondServe(dir: string, holder: ServeProcess, tally: Tally): Promise<void> {
  const outcome = await startServe(dir);
  tally.count('attempts');
  if (outcome.kind === 'started') {
    await outcome.host.stop();
    return tally.fail('admitted', 'a second serve started on a workspace another serve holds');
  }
  tally.expect(
    namesHolder(outcome.output, holder),
    'unclear',
    () => `second serve: ${outcome.output.trim()}`,
  );
}

async function cliImport(
  options: CampaignOptions,
  dir: string,
  holder: ServeProcess,
  tally: Tally,
): Promise<string> {
  const file = join(await freshDir(options, 'cli-file'), 'intruder.txt');
  const text = `An intruding import ${options.seed}.`;
  await writeFile(file, text);
  const run = await runBuiltCli('import', dir, [file]);
  tally.count('attempts');
  if (run.exitCode === 0)
    tally.fail('admitted', `the CLI imported into a held workspace: ${run.output.trim()}`);
  else tally.expect(namesHolder(run.output, holder), 'unclear', () => `CLI: ${run.output.trim()}`);
  return text;
}

async function secondApp(dir: string, holder: ServeProcess, tally: Tally): Promise<void> {
  tally.count('attempts');
  try {
    const intruder = await openApp(dir, { owner: 'electron' });
    await intruder.close();
    tally.fail('admitted', 'a second app opened a workspace another serve holds');
  } catch (error) {
    const clear =
      error instanceof WorkbenchError &&
      error.code === 'workspace-locked' &&
      namesHolder(error.message, holder);
    tally.expect(clear, 'unclear', () => `second app: ${messageOf(error)}`);
  }
}

/** One round: a host saving, three intruders, then the verdict on what was acknowledged. */
async function intruderRound(options: CampaignOptions, tally: Tally, round: number): Promise<void> {
  const dir = await freshDir(options, 'two-writers');
  const session = await prepareSession(dir, 2, 20_000, options.seed + round);
  const started = await startServe(dir);
  if (started.kind === 'refused')
    return tally.fail('crashed', `the first host did not start: ${started.output}`);
  const holder = started.host;
  const driver = new EditDriver(
    holder,
    session.docs,
    session.imports,
    randomFor(options, `writers-${round}`),
    `w${round}-`,
  );
  driver.start();
  await within(driver.firstAck, 20_000, 'a first acknowledged save');
  await secondServe(dir, holder, tally);
  const intruderText = await cliImport(options, dir, holder, tally);
  await secondApp(dir, holder, tally);
  await driver.stop();
  await holder.stop('SIGTERM');
  tally.count('acked', driver.acks);
  for (const refusal of driver.refusals)
    tally.fail('unhandled', `round ${round}: a valid save was refused: ${refusal}`);
  await verifySession(dir, session, tally, `round ${round}`);
  const { documents } = await inspectWorkspace(dir, false);
  const intruded = [...documents.values()].some((d) => d.text === intruderText);
  tally.expect(!intruded, 'overwritten', () => `round ${round}: the refused CLI import is in the workspace`);
}

/** Two hosts started at the same instant on one workspace: exactly one may win. */
async function race(options: CampaignOptions, tally: Tally): Promise<void> {
  const dir = await freshDir(options, 'race');
  await prepareSession(dir, 1, 2_000, options.seed);
  const outcomes = await Promise.all([startServe(dir), startServe(dir)]);
  const winners = outcomes.filter((o) => o.kind === 'started');
  tally.count('races');
  if (winners.length > 1)
    tally.fail('admitted', 'two hosts started at the same instant both opened the workspace');
  if (winners.length === 0)
    tally.fail(
      'crashed',
      `neither of two racing hosts started: ${outcomes.map((o) => (o.kind === 'refused' ? o.output : '')).join(' / ')}`,
    );
  for (const outcome of outcomes) if (outcome.kind === 'started') await outcome.host.stop();
}

/**
 * Kills the holder, then restarts at once and, while refused, every 250 ms; returns how long the restart
 * waited. The first attempt must open the workspace (`blocked` otherwise): a dead holder's lock is no reason
 * to wait. How long a host takes to start on a busy machine is not the lock's doing, so it is only reported.
 */
async function restartAfterKill(options: CampaignOptions, tally: Tally, patienceMs: number): Promise<number> {
  const dir = await freshDir(options, 'restart');
  await prepareSession(dir, 1, 2_000, options.seed);
  const first = await startServe(dir);
  if (first.kind === 'refused') throw new Error(`the host did not start: ${first.output}`);
  await first.host.stop('SIGKILL');
  const killedAt = performance.now();
  for (let attempt = 1; ; attempt++) {
    const outcome = await startServe(dir);
    const waited = performance.now() - killedAt;
    if (outcome.kind === 'started') {
      await outcome.host.stop();
      tally.expect(
        attempt === 1,
        'blocked',
        () =>
          `a restart after a kill was refused ${attempt - 1} times; it opened after ${Math.round(waited)} ms`,
      );
      return waited;
    }
    if (waited > patienceMs) {
      tally.fail(
        'blocked',
        `a restart after a kill was still refused after ${Math.round(waited)} ms: ${outcome.output.trim()}`,
      );
      return waited;
    }
    await sleep(250);
  }
}

export const twoWriters = defineCampaign(
  'two-writers',
  'A second serve, CLI or app against an open workspace is refused by name; no acknowledged write is lost.',
  ['admitted', 'unclear', 'blocked', 'invalidFiles'],
  async (options, tally) => {
    const rounds = options.quick ? 1 : 10;
    for (let round = 0; round < rounds; round++) await intruderRound(options, tally, round);
    for (let n = 0; n < (options.quick ? 1 : 5); n++) await race(options, tally);
    const waits: number[] = [];
    for (let n = 0; n < (options.quick ? 1 : 3); n++)
      waits.push(await restartAfterKill(options, tally, options.quick ? 2000 : 20_000));
    tally.counts['restartWaitMs'] = Math.round(Math.max(...waits));
  },
);
