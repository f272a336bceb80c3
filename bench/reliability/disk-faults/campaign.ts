// Campaign 2, disk faults (bench/reliability, Node only): every file-system call the save and import paths
// make is failed in turn, with ENOSPC, EIO, EACCES, EPERM and EBUSY, once and for ever, through the store's
// FileIO seam on the real store and service. The workspace must stay at its last acknowledged state, the
// error must name the OS code, and saving must resume when the disk works again. Then once on a real full tmpfs.
import { cp } from 'node:fs/promises';
import type { ImportReport, WorkspaceView } from '@shared/api';
import { openPreferences } from '../../../src/main/preferences/preferences-file';
import { createDispatcher, type Dispatch } from '../../../src/main/service/dispatch';
import { createWorkbench } from '../../../src/main/service/workbench';
import { openWorkspace, type WorkspaceStore } from '../../../src/main/store/workspace-store';
import { must, openApp, rememberAnalyst, removeWorkspace } from '../lib/app';
import { configDirFor } from '../lib/built-host';
import { defineCampaign, freshDir, messageOf, randomFor, type CampaignOptions } from '../lib/campaign';
import { wordRanges } from '../lib/edit-model';
import { FAULT_CODES, FaultIO, type FaultPlan } from '../lib/fault-io';
import type { Tally } from '../lib/figures';
import { inspectWorkspace } from '../lib/workspace-oracle';
import { fullDiskCheck } from './full-disk';
import { fingerprint } from '../lib/fingerprint';
import { scenarios, type ApiRequest, type FaultScenario, type FaultWorld } from './scenarios';

const TEXT_A =
  'Erdogan said 👩‍👩‍👧 the border stays closed, if the talks fail.\nقال الوزير إن الجيش سيبقى.\nThe envoy agreed.';

/** The store and service on `dir`, every file-system call of both (preferences included) through `io`. */
export async function openFaultable(
  dir: string,
  io: FaultIO,
): Promise<{ store: WorkspaceStore; dispatch: Dispatch }> {
  const store = await openWorkspace(dir, { owner: 'test', io: io.io, backupIntervalMinutes: 0 });
  const preferences = await openPreferences(configDirFor(dir), io.io);
  return { store, dispatch: createDispatcher(createWorkbench(store, { preferences })) };
}

/** A fresh copy of the template, where the user is the template's analyst. */
async function copyOf(options: CampaignOptions, template: string, world: FaultWorld, name: string) {
  const dir = await freshDir(options, name);
  await cp(template, dir, { recursive: true });
  await rememberAnalyst(dir, world.layer);
  return dir;
}

async function call(dispatch: Dispatch, request: ApiRequest) {
  return dispatch(request.method, request.payload);
}

/** A workspace with an analyst, document A (one span) and document B, and the world the scenarios act on. */
async function makeTemplate(options: CampaignOptions): Promise<{ dir: string; world: FaultWorld }> {
  const dir = await freshDir(options, 'faults-template');
  const wb = await openApp(dir);
  try {
    const view = await must<WorkspaceView>(wb, 'annotator:set-local', { name: 'Fault Analyst' });
    const layer = view.localAnnotator?.id ?? '';
    const files = [TEXT_A, 'Document B holds a second report.'].map((text, i) => ({
      name: `doc-${i}.txt`,
      dataBase64: Buffer.from(text).toString('base64'),
    }));
    const [a, b] = (await must<ImportReport>(wb, 'documents:import', { files })).imported;
    const words = wordRanges(TEXT_A).filter(
      (w) => !/\p{Extended_Pictographic}/u.test(TEXT_A.slice(w.start, w.end)),
    );
    const world: FaultWorld = {
      docA: a?.id ?? '',
      docB: b?.id ?? '',
      textA: TEXT_A,
      layer,
      freeRanges: words.slice(1),
    };
    const first = words[0] ?? { start: 0, end: 1 };
    const ops = [
      { kind: 'add-span', span: { id: 'base', label: 'actor', start: first.start, end: first.end } },
    ];
    await must(wb, 'annotations:apply', { docId: world.docA, layer, ops });
    return { dir, world };
  } finally {
    await wb.close();
  }
}

interface Expected {
  callCount: number;
  /** State after the first request failed and the retry succeeded. */
  failed: string[];
  /** State after both succeeded. */
  applied: string[];
}

/** Runs `work` on a fresh copy of the template with a clean disk and returns the state it leaves. */
async function cleanRun(
  options: CampaignOptions,
  ctx: { template: string; world: FaultWorld },
  work: (dir: string, io: FaultIO) => Promise<void>,
): Promise<string[]> {
  const dir = await copyOf(options, ctx.template, ctx.world, 'faults-dry');
  await work(dir, new FaultIO());
  const reopened = await openFaultable(dir, new FaultIO());
  await reopened.store.close();
  const facts = await fingerprint(dir);
  await removeWorkspace(dir);
  return facts;
}

/** The calls a scenario makes (with the close, when it is in the window) and the two states it may leave. */
async function expectations(
  options: CampaignOptions,
  template: string,
  world: FaultWorld,
  scenario: FaultScenario,
): Promise<Expected> {
  let callCount = 0;
  const applied = await cleanRun(options, { template, world }, async (dir, io) => {
    let opened = await openFaultable(dir, io);
    io.arm(null);
    const first = await call(opened.dispatch, scenario.first(world));
    if (scenario.closeInWindow) await opened.store.close();
    callCount = io.calls.length;
    io.disarm();
    if (scenario.closeInWindow) opened = await openFaultable(dir, io);
    const retry = await call(opened.dispatch, scenario.retry(world));
    await opened.store.close();
    if (!first.ok || !retry.ok) throw new Error(`scenario "${scenario.name}" fails without faults`);
  });
  const failed = await cleanRun(options, { template, world }, async (dir, io) => {
    const opened = await openFaultable(dir, io);
    await call(opened.dispatch, scenario.retry(world));
    await opened.store.close();
  });
  return { callCount, failed, applied };
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

type Answer = Awaited<ReturnType<Dispatch>> | { ok: false; error: { code: 'thrown'; message: string } };

/** Runs the first request under the fault and the retry once the disk works (or after the one failure). */
async function underFault(
  dir: string,
  scenario: FaultScenario,
  world: FaultWorld,
  plan: FaultPlan,
  tally: Tally,
) {
  const io = new FaultIO();
  let opened = await openFaultable(dir, io);
  io.arm(plan);
  const first: Answer = await call(opened.dispatch, scenario.first(world)).catch((e: unknown) => ({
    ok: false as const,
    error: { code: 'thrown' as const, message: messageOf(e) },
  }));
  if (scenario.closeInWindow) {
    await opened.store.close().catch((e: unknown) => tally.fail('unhandled', `close threw ${messageOf(e)}`));
    io.disarm();
    opened = await openFaultable(dir, io);
  } else if (plan.forever) io.disarm();
  if (io.fired === 0) tally.count('faultNotReached');
  const retry = await call(opened.dispatch, scenario.retry(world));
  io.disarm();
  await opened.store.close();
  // Reopen as a restarted app would: the index is rebuilt from the document files, which are the truth.
  await (await openFaultable(dir, new FaultIO())).store.close();
  return { first, retry };
}

/** A failed request must say io-error with the OS code; an internal error or a throw is unhandled. */
function judgeError(tally: Tally, label: string, plan: FaultPlan, first: Answer): void {
  if (first.ok) return tally.count('toleratedFaults');
  const { code, message } = first.error;
  if (code === 'internal' || code === 'thrown')
    return tally.fail('unhandled', `${label}: ${code}: ${message}`);
  const specific = code === 'io-error' && message.includes(plan.code);
  tally.expect(specific, 'unclear', () => `${label}: ${code}: ${message}`);
}

/** The state on disk must be the acknowledged one: with the first request if it succeeded, else without. */
async function judgeState(tally: Tally, label: string, dir: string, firstOk: boolean, expected: Expected) {
  const final = await fingerprint(dir);
  for (const problem of (await inspectWorkspace(dir, true)).problems)
    tally.fail('invalidFiles', `${label}: ${problem}`);
  if (firstOk) {
    tally.expect(
      same(final, expected.applied),
      'lost',
      () => `${label}: the acknowledged change is not on disk`,
    );
    return;
  }
  // Undoing a failed request is itself a save, so a document's revision may be higher; its content may not.
  const content = (facts: readonly string[]) =>
    facts.map((fact) => fact.replace(/ revision \d+$/, '')).sort();
  const [now, failed] = [content(final), content(expected.failed)];
  if (same(now, content(expected.applied))) {
    tally.observe('appliedDespiteError', `${label}: the failed request is on disk all the same`);
  } else if (!same(now, failed)) {
    const missing = failed.filter((fact) => !now.includes(fact));
    const extra = now.filter((fact) => !failed.includes(fact));
    if (missing.length > 0) tally.fail('lost', `${label}: missing ${missing.slice(0, 3).join('; ')}`);
    else
      tally.fail('partial', `${label}: part of the failed request stayed: ${extra.slice(0, 3).join('; ')}`);
  }
}

async function faultRun(
  options: CampaignOptions,
  ctx: { template: string; world: FaultWorld; tally: Tally },
  scenario: FaultScenario,
  plan: FaultPlan,
  expected: Expected,
): Promise<void> {
  const { tally } = ctx;
  const label = `${scenario.name}, call ${plan.at} fails with ${plan.code}${plan.forever ? ' for ever' : ' once'}`;
  const dir = await copyOf(options, ctx.template, ctx.world, 'faults');
  const { first, retry } = await underFault(dir, scenario, ctx.world, plan, tally);
  tally.count('runs');
  judgeError(tally, label, plan, first);
  const resumed = tally.expect(retry.ok, 'stuck', () => `${label}: the retry after the fault cleared failed`);
  if (resumed) await judgeState(tally, label, dir, first.ok, expected);
  await removeWorkspace(dir);
}

function plansFor(count: number, quick: boolean, random: () => number): FaultPlan[] {
  const plans: FaultPlan[] = [];
  for (let at = 1; at <= count; at++) {
    for (const code of FAULT_CODES) for (const forever of [false, true]) plans.push({ at, code, forever });
  }
  if (!quick) return plans;
  return Array.from(
    { length: Math.min(2, count) },
    () => plans[Math.floor(random() * plans.length)] as FaultPlan,
  );
}

export const diskFaults = defineCampaign(
  'disk-faults',
  'Fail every fs call of the save and import paths in turn; nothing acknowledged may go, nothing half-done stay.',
  ['unclear', 'stuck', 'invalidFiles'],
  async (options, tally) => {
    const random = randomFor(options, 'disk-faults');
    const { dir: template, world } = await makeTemplate(options);
    for (const scenario of scenarios(options.quick)) {
      const expected = await expectations(options, template, world, scenario);
      tally.count('calls', expected.callCount);
      for (const plan of plansFor(expected.callCount, options.quick, random)) {
        await faultRun(options, { template, world, tally }, scenario, plan, expected).catch(
          (error: unknown) =>
            tally.fail('unhandled', `${scenario.name}, call ${plan.at} ${plan.code}: ${messageOf(error)}`),
        );
      }
      options.log(`disk faults: ${scenario.name} done (${expected.callCount} calls)`);
    }
    tally.counts['fullTmpfs'] = await fullDiskCheck(options, tally);
  },
);
