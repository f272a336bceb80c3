// Cancelling long work at random moments (bench/reliability, Node only): an annotated import is committed, or
// an export or agreement computed, as a task, and `task:cancel` arrives after a random delay, as when the
// analyst presses Cancel. A cancelled import must leave the workspace exactly as it was; a finished one must
// be there whole; neither may end in an `internal` error.
import type { ImportAnnotationsReport, Result } from '@shared/api';
import type { OpenWorkbench } from '../../../src/main/service/open-workbench';
import { openApp } from '../lib/app';
import { messageOf, randomFor, sleep, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { fingerprint } from '../lib/fingerprint';
import { inspectWorkspace, storeProblems } from '../lib/workspace-oracle';
import { makeWorld, type FuzzWorld } from './world';

type Work = { method: string; payload: Record<string, unknown>; writes: boolean };

/** One piece of long work, chosen by `roll`; imports go into a layer of their own (`Racer n`). */
function work(world: FuzzWorld, roll: number, round: number): Work {
  const exported = world.exports[round % world.exports.length];
  if (roll < 0.6 && exported !== undefined) {
    const files = [{ name: exported.name, dataBase64: exported.dataBase64 }];
    const payload = { format: exported.format, layer: `Racer ${round}`, files };
    return { method: 'import:commit', payload, writes: true };
  }
  if (roll < 0.8) {
    const payload = {
      ...{ format: 'brat', layers: [], labels: [], documents: { kind: 'all' } },
      destination: 'download',
    };
    return { method: 'export:run', payload, writes: false };
  }
  return {
    method: 'review:agreement',
    payload: { layers: [world.layer, 'colleague'], labels: [] },
    writes: false,
  };
}

/** Judges one race: what the work answered, and what it left on disk. */
function judgeRace(tally: Tally, label: string, answer: Result<unknown>, changed: boolean, work: Work): void {
  if (!answer.ok && answer.error.code === 'internal')
    return tally.fail('unhandled', `${label}: ${answer.error.message}`);
  if (!answer.ok) {
    tally.count(answer.error.code === 'cancelled' ? 'cancelled' : 'refusedRaces');
    tally.expect(!changed, 'partial', () => `${label}: ${answer.error.code}, but the workspace changed`);
    return;
  }
  tally.count('finishedRaces');
  if (!work.writes) return;
  const added = (answer.value as ImportAnnotationsReport).totals.added;
  tally.expect(changed || added === 0, 'lost', () => `${label}: answered ok, but nothing is on disk`);
}

async function race(wb: OpenWorkbench, dir: string, work: Work, delayMs: number, taskId: string) {
  const before = await fingerprint(dir);
  const running = wb.dispatch(work.method, { ...work.payload, taskId });
  await sleep(delayMs);
  const cancel = await wb.dispatch('task:cancel', { taskId });
  const answer = await running;
  const changed = (await fingerprint(dir)).join('\n') !== before.join('\n');
  return { answer, cancel, changed };
}

/** `rounds` races on one workspace; the files must be sound afterwards. */
export async function cancelRaces(options: CampaignOptions, tally: Tally, rounds: number): Promise<void> {
  const random = randomFor(options, 'cancel-races');
  const { dir, world } = await makeWorld(options, 1);
  const wb = await openApp(dir);
  try {
    for (let round = 0; round < rounds; round++) {
      const chosen = work(world, random(), round);
      const label = `cancel race ${round}: ${chosen.method}`;
      tally.count('cancelRaces');
      try {
        // Most cancels come early, some late enough to meet the work finishing or writing.
        const delay = 1500 * random() ** 2;
        const { answer, cancel, changed } = await race(wb, dir, chosen, delay, `race-${round}-task`);
        if (!cancel.ok) tally.fail('unhandled', `${label}: task:cancel answered ${cancel.error.message}`);
        judgeRace(tally, label, answer, changed, chosen);
      } catch (error) {
        tally.fail('crashed', `${label}: dispatch threw ${messageOf(error)}`);
      }
    }
  } finally {
    await wb.close();
  }
  for (const problem of [...(await inspectWorkspace(dir, true)).problems, ...(await storeProblems(dir))])
    tally.fail('invalidFiles', `after the cancel races: ${problem}`);
}
