// The contract fuzzer (bench/reliability, Node only): thousands of generated requests per method go through
// the real dispatcher and service on a real workspace, exactly as the IPC binding and the HTTP host pass them
// on, from callers with any client id. No request may end in an `internal` error or a throw, every answer must
// be serialisable, and the files must be sound afterwards. Some workspaces name their analyst "Constructor"
// and hold prototype-named layers (world.ts).
import fc from 'fast-check';
import { methodNames, type MethodName } from '@shared/api';
import type { Caller } from '../../../src/main/service/dispatch';
import type { OpenWorkbench } from '../../../src/main/service/open-workbench';
import { openApp } from '../lib/app';
import { inShard, messageOf, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { inspectWorkspace, storeProblems } from '../lib/workspace-oracle';
import { closingRequests, payloadArbitrary, PROTO_KEYS, seedRequests } from './hints';
import { makeWorld, plantedKeysSurvive, type FuzzWorld } from './world';

/** Who sends: a window with a proper client id, none, or one named like a prototype member. */
const callers: fc.Arbitrary<Caller> = fc
  .oneof(fc.constantFrom('anonymous', 'tab-00000001', ...PROTO_KEYS), fc.string({ maxLength: 70 }))
  .map((clientId) => ({ clientId }));

function judgeAnswer(
  tally: Tally,
  method: string,
  payload: unknown,
  answer: Awaited<ReturnType<OpenWorkbench['dispatch']>>,
): void {
  const shown = (): string => {
    try {
      return JSON.stringify(payload)?.slice(0, 200) ?? String(payload);
    } catch {
      return String(payload);
    }
  };
  if (answer.ok) tally.count('accepted');
  else if (answer.error.code === 'internal')
    tally.fail('unhandled', `${method} ${shown()}: ${answer.error.message}`, method);
  try {
    JSON.stringify(answer);
  } catch (error) {
    tally.fail('unhandled', `${method}: the answer cannot be sent back: ${messageOf(error)}`);
  }
}

/** The seeds, then `runs` generated requests of one method, each judged. */
async function fuzzMethod(
  wb: OpenWorkbench,
  ctx: { world: FuzzWorld; tally: Tally; seed: number },
  method: MethodName,
  runs: number,
): Promise<void> {
  const { world, tally } = ctx;
  // Generated set-local requests make others the local analyst; the seeds of each method write as the world's.
  await wb.dispatch('annotator:set-local', { annotatorId: world.layer });
  const generated = fc.sample(fc.tuple(payloadArbitrary(method, world), callers), {
    numRuns: runs,
    seed: ctx.seed,
  });
  const seeds = seedRequests(method, world).map((seed) => [seed, { clientId: 'tab-00000001' }] as const);
  for (const [payload, caller] of [...seeds, ...generated]) {
    tally.count('requests');
    try {
      judgeAnswer(tally, method, payload, await wb.dispatch(method, payload, caller));
    } catch (error) {
      tally.fail('crashed', `${method}: dispatch threw ${messageOf(error)}`);
    }
  }
}

/**
 * Runs `perMethod` generated requests for every method of the contract, in batches on fresh workspaces (with
 * `--shard`, only this process's share of the batches).
 */
export async function fuzzContract(
  options: CampaignOptions,
  tally: Tally,
  perMethod: number,
  batchSize: number,
): Promise<void> {
  for (let batch = 0; batch * batchSize < perMethod; batch++) {
    if (!inShard(options, batch)) continue;
    const { dir, world, planted } = await makeWorld(options, batch);
    const wb = await openApp(dir);
    try {
      const runs = Math.min(batchSize, perMethod - batch * batchSize);
      for (const method of methodNames as readonly MethodName[])
        await fuzzMethod(wb, { world, tally, seed: options.seed + batch }, method, runs);
      for (const [method, payload] of closingRequests(world)) {
        tally.count('requests');
        judgeAnswer(tally, method, payload, await wb.dispatch(method, payload));
      }
    } finally {
      await wb.close();
    }
    const inspection = await inspectWorkspace(dir, true);
    for (const problem of [...inspection.problems, ...(await storeProblems(dir))])
      tally.fail('invalidFiles', `batch ${batch}: ${problem}`, problem.replace(/^\S+: /, ''));
    for (const key of await plantedKeysSurvive(dir, planted)) {
      tally.fail('lost', `batch ${batch}: a colleague's ${key} in ${planted} is gone`);
    }
    options.log(`api fuzz: batch ${batch + 1} of ${Math.ceil(perMethod / batchSize)} done`);
  }
}
