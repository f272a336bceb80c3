// Campaign 1, forced kills (bench/reliability, Node only): the built host saves an analyst's edits and
// imports as fast as they come and is SIGKILLed at a random moment after its first acknowledged save, over
// and over; after each kill the workspace is reopened as a restarted app would and must hold every
// acknowledged span. A naive writer (plain writeFile) is killed as a control that must lose data.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startServe } from '../lib/built-host';
import {
  defineCampaign,
  freshDir,
  randomFor,
  sized,
  sleep,
  within,
  type CampaignOptions,
} from '../lib/campaign';
import { EditDriver } from '../lib/edit-driver';
import type { Tally } from '../lib/figures';
import { prepareSession, verifySession } from '../lib/session';
import { naiveControl } from './naive-control';

/** Kills land up to this long after the first acknowledged save, while saves and imports are in flight. */
const KILL_WINDOW_MS = 200;
const KILLS_PER_WORKSPACE = 50;
/**
 * Every this many kills, the kill waits for an acknowledged annotated import first: an annotated import takes
 * longer than the kill window (a worker thread reads and places it), so without the wait none is ever
 * acknowledged before a kill and the check that an acknowledged one survives would never run.
 */
const AFTER_ANNOTATED_IMPORT_EVERY = 4;

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
      const afterAnnotated = options.quick
        ? kill === kills - 1
        : kill % AFTER_ANNOTATED_IMPORT_EVERY === AFTER_ANNOTATED_IMPORT_EVERY - 1;
      if (afterAnnotated)
        await within(driver.firstAnnotatedImport, 30_000, 'an acknowledged annotated import');
      await sleep(random() * KILL_WINDOW_MS);
    } catch (error) {
      tally.fail('unhandled', `${label}: ${String(error)}`);
    }
    if (driver.inFlight() > 0) tally.count('inFlightAtKill');
    if (session.imports.inFlightAnalyst !== null) tally.count('annotatedImportInFlightAtKill');
    await outcome.host.stop('SIGKILL');
    await driver.stop();
    tally.count('kills');
    tally.count('acked', driver.acks);
    tally.count('annotatedImports', driver.annotatedImports);
    for (const refusal of driver.refusals)
      tally.fail('unhandled', `${label}: a valid save was refused: ${refusal}`);
    // The host is dead for sure: its lock goes too (restart timing after a kill is campaign 4's business).
    await rm(join(dir, '.lock'), { recursive: true, force: true });
    await verifySession(dir, session, tally, label);
    if ((kill + 1) % 100 === 0) options.log(`forced kills: lane ${lane}, ${kill + 1}/${kills}`);
  }
}

export const forcedKills = defineCampaign(
  'forced-kills',
  'SIGKILL the built host at random moments while it saves; every acknowledged span must survive.',
  ['invalidFiles'],
  async (options, tally) => {
    const lanes = options.quick ? 1 : 2;
    const kills = sized(options, 2, 500);
    await Promise.all(Array.from({ length: lanes }, (_, lane) => killLoop(options, tally, lane, kills)));
    if ((tally.counts['annotatedImports'] ?? 0) === 0)
      tally.fail(
        'unhandled',
        'no annotated import was acknowledged before a kill: their survival went unchecked',
      );

    await naiveControl(options, tally);
  },
);
