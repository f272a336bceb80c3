// Campaign 3, damaged files (bench/reliability, Node only): each variant of damage is planted in a copy of a
// good workspace, which is then opened through the real service as the app opens it. The damage must be
// detected and named (the problems list the UI shows, or the refusal of workspace.json), a byte-identical copy
// kept in quarantine, the damaged file never overwritten, and the rest of the workspace must stay usable.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError, type ImportReport, type WorkspaceView } from '@shared/api';
import type { OpenWorkbench } from '../../../src/main/service/open-workbench';
import { must, openApp, rememberAnalyst, removeWorkspace } from '../lib/app';
import { defineCampaign, freshDir, messageOf, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { damageVariants, type DamageVariant } from './variants';

const TEXT_A = 'Erdogan said 👩‍👩‍👧 the border stays closed, if the talks fail. The envoy agreed.';
const ENVOY = TEXT_A.indexOf('envoy');
const TEXT_B = 'Document B: the ministry said the crossing reopens on Monday.';

interface Template {
  dir: string;
  docA: string;
  docB: string;
  layer: string;
}

const addSpan = (docId: string, layer: string, id: string, start: number, end: number) => ({
  docId,
  layer,
  ops: [{ kind: 'add-span', span: { id, label: 'claim', start, end } }],
});

/** Document A holds an actor, a claim, a `says` relation and a comment on the claim; document B is plain. */
async function makeTemplate(options: CampaignOptions): Promise<Template> {
  const dir = await freshDir(options, 'damage-template');
  const wb = await openApp(dir);
  try {
    const view = await must<WorkspaceView>(wb, 'annotator:set-local', { name: 'Damage Analyst' });
    const layer = view.localAnnotator?.id ?? '';
    const files = [TEXT_A, TEXT_B].map((text, i) => ({
      name: `doc-${i}.txt`,
      dataBase64: Buffer.from(text).toString('base64'),
    }));
    const [a, b] = (await must<ImportReport>(wb, 'documents:import', { files })).imported;
    const docA = a?.id ?? '';
    const claim = TEXT_A.indexOf('the border stays closed');
    const ops = [
      { kind: 'add-span', span: { id: 's-actor', label: 'actor', start: 0, end: 7 } },
      { kind: 'add-span', span: { id: 's-claim', label: 'claim', start: claim, end: claim + 23 } },
      { kind: 'add-relation', relation: { id: 'r-says', type: 'says', from: 's-actor', to: 's-claim' } },
    ];
    await must(wb, 'annotations:apply', { docId: docA, layer, ops });
    const target = { layer, kind: 'span', id: 's-claim' };
    await must(wb, 'comments:add', { docId: docA, target, text: 'Check the source.' });
    return { dir, docA, docB: b?.id ?? '', layer };
  } finally {
    await wb.close();
  }
}

const TAG = '0123456789ab';

/**
 * A committed batch a killed writer left, rewriting document B under a new title (a staged copy): the
 * manifest's good bytes, and the names of the manifest and the staged file. Format: staged-batch.ts.
 */
async function plantBatch(dir: string, template: Template, tag: string, ending: string) {
  const target = `documents/${template.docB}.json`;
  const staged = `documents/.${template.docB}.json.${tag}.staged`;
  // Not the bytes in place: a batch whose staged file is gone must not pass for one already put in place.
  const doc = JSON.parse(await readFile(join(dir, target), 'utf8')) as { title: string };
  const bytes = Buffer.from(JSON.stringify({ ...doc, title: `${doc.title} (from a batch)` }));
  await writeFile(join(dir, staged), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const manifest = Buffer.from(JSON.stringify({ writes: [{ target, staged, sha256 }], removals: [] }));
  return { manifest, file: `.batch-${tag}.${ending}`, staged };
}

/** Where a variant's damage goes in the template, and that file's good bytes. */
async function goodFile(dir: string, template: Template, variant: DamageVariant) {
  if (variant.target === 'manifest') {
    const { manifest, file } = await plantBatch(dir, template, TAG, 'committed');
    return { file, good: manifest };
  }
  const file = variant.target === 'workspace' ? 'workspace.json' : `documents/${template.docA}.json`;
  return { file, good: await readFile(join(dir, file)) };
}

/** Plants the damage in a fresh copy of the template; returns the folder, the file's name and its bytes. */
async function plant(options: CampaignOptions, template: Template, variant: DamageVariant) {
  const dir = await freshDir(options, 'damaged');
  await cp(template.dir, dir, { recursive: true });
  await rememberAnalyst(dir, template.layer);
  const { file, good } = await goodFile(dir, template, variant);
  const damaged = variant.damage(good);
  if (damaged === 'folder') {
    await rm(join(dir, file));
    await mkdir(join(dir, file));
  } else await writeFile(join(dir, file), damaged);
  return { dir, file, damaged };
}

async function unchanged(dir: string, file: string, damaged: Buffer | 'folder'): Promise<boolean> {
  if (damaged === 'folder') return true;
  return (await readFile(join(dir, file)).catch(() => Buffer.alloc(0))).equals(damaged);
}

async function quarantineHolds(dir: string, copy: unknown, damaged: Buffer | 'folder'): Promise<boolean> {
  if (typeof copy !== 'string' || copy === '' || damaged === 'folder') return false;
  return (await readFile(join(dir, copy)).catch(() => null))?.equals(damaged) ?? false;
}

/** One variant planted in its own copy of the template: where, and the damaged bytes. */
interface DamageCase {
  template: Template;
  variant: DamageVariant;
  tally: Tally;
  dir: string;
  file: string;
  damaged: Buffer | 'folder';
}

async function checkWorkspaceDamage(damage: DamageCase): Promise<void> {
  const { template, variant, tally, dir, file, damaged } = damage;
  const label = `workspace.json: ${variant.name}`;
  try {
    const wb = await openApp(dir, { owner: 'serve' });
    await wb.close();
    tally.fail('undetected', `${label}: the workspace opened`);
  } catch (error) {
    if (!(error instanceof WorkbenchError)) return tally.fail('unhandled', `${label}: ${messageOf(error)}`);
    // A refusal names workspace.json, or for a newer version the workspace folder it belongs to.
    const named = error.message.includes('workspace.json') || error.message.includes(dir);
    tally.expect(named, 'unnamed', () => `${label}: ${error.message}`);
    const details = error.details as { quarantinedAs?: unknown } | undefined;
    if (variant.quarantined !== false) {
      tally.expect(
        await quarantineHolds(dir, details?.quarantinedAs, damaged),
        'notQuarantined',
        () => `${label}: ${error.message}`,
      );
    }
  }
  tally.expect(await unchanged(dir, file, damaged), 'overwritten', () => label, variant.name);
  const docs = [template.docA, template.docB].map((id) => `documents/${id}.json`);
  for (const doc of docs)
    tally.expect(
      await unchanged(dir, doc, await readFile(join(template.dir, doc))),
      'overwritten',
      () => `${label}: ${doc} changed`,
    );
}

async function checkDocumentDamage(damage: DamageCase): Promise<void> {
  const { template, variant, tally, dir, file, damaged } = damage;
  const label = `${file}: ${variant.name}`;
  let wb: OpenWorkbench;
  try {
    wb = await openApp(dir, { owner: 'serve' });
  } catch (error) {
    return tally.fail(
      'crashed',
      `${label}: one damaged document stopped the whole workspace: ${messageOf(error)}`,
    );
  }
  try {
    const view = await wb.dispatch('workspace:get', {});
    if (!view.ok) return tally.fail('unusable', `${label}: workspace:get failed: ${view.error.message}`);
    const problem = (view.value as WorkspaceView).problems.find((p) => p.file === file);
    if (
      tally.expect(
        problem !== undefined,
        'undetected',
        () => `${label}: not among the problems`,
        variant.name,
      ) &&
      problem !== undefined
    ) {
      tally.expect(problem.reason.trim() !== '', 'unnamed', () => `${label}: no reason given`);
      if (variant.quarantined !== false)
        tally.expect(
          await quarantineHolds(dir, problem.quarantinedAs, damaged),
          'notQuarantined',
          () => `${label}: copy "${problem.quarantinedAs}"`,
        );
    }
    // The analyst carries on: tags the damaged document (must be refused) and the healthy one (must work).
    const onA = await wb.dispatch(
      'annotations:apply',
      addSpan(template.docA, template.layer, 'after-a', ENVOY, ENVOY + 5),
    );
    if (!onA.ok && onA.error.code === 'internal') tally.fail('unhandled', `${label}: ${onA.error.message}`);
    const onB = await wb.dispatch(
      'annotations:apply',
      addSpan(template.docB, template.layer, 'after-b', 0, 8),
    );
    tally.expect(
      onB.ok,
      'unusable',
      () => `${label}: the healthy document could not be tagged: ${onB.ok ? '' : onB.error.message}`,
    );
    const readB = await wb.dispatch('document:get', { docId: template.docB });
    tally.expect(readB.ok, 'unusable', () => `${label}: the healthy document could not be read`);
  } finally {
    await wb.close();
  }
  tally.expect(await unchanged(dir, file, damaged), 'overwritten', () => label, variant.name);
}

/**
 * What a writer killed mid-batch leaves is not damage: a torn manifest of a batch that was never committed
 * (with its staged file) and a whole committed one must open without a problem, settled (`mistaken`).
 */
async function checkLeftovers(options: CampaignOptions, template: Template, tally: Tally): Promise<void> {
  const dir = await freshDir(options, 'leftovers');
  await cp(template.dir, dir, { recursive: true });
  await rememberAnalyst(dir, template.layer);
  const torn = await plantBatch(dir, template, 'aaaaaaaaaaaa', 'prepared');
  await writeFile(join(dir, torn.file), torn.manifest.subarray(0, torn.manifest.length >> 1));
  const whole = await plantBatch(dir, template, 'bbbbbbbbbbbb', 'committed');
  await writeFile(join(dir, whole.file), whole.manifest);
  const wb = await openApp(dir, { owner: 'serve' });
  try {
    const view = await must<WorkspaceView>(wb, 'workspace:get', {});
    for (const problem of view.problems)
      tally.fail('mistaken', `leftovers of a killed batch: ${problem.file}: ${problem.reason}`);
    const onB = await wb.dispatch(
      'annotations:apply',
      addSpan(template.docB, template.layer, 'after-b', 0, 8),
    );
    tally.expect(onB.ok, 'unusable', () => 'leftovers of a killed batch: document B could not be tagged');
  } finally {
    await wb.close();
  }
  for (const name of [torn.file, torn.staged, whole.file, whole.staged]) {
    const left = await readFile(join(dir, name)).then(
      () => true,
      () => false,
    );
    tally.expect(!left, 'mistaken', () => `leftovers of a killed batch: ${name} is still there`);
  }
  await removeWorkspace(dir);
}

export const damagedFiles = defineCampaign(
  'damaged-files',
  'Plant 70 kinds of damage; each must be detected, quarantined byte-identical, never overwritten, named.',
  ['undetected', 'notQuarantined', 'unnamed', 'unusable', 'mistaken'],
  async (options, tally) => {
    const template = await makeTemplate(options);
    const all = damageVariants().filter((v) => !(options.quick && v.fullOnly));
    // The manifest variants are few and new: the quick sample takes them all.
    const chosen = options.quick ? all.filter((v, i) => i % 5 === 0 || v.target === 'manifest') : all;
    for (const variant of chosen) {
      tally.count('variants');
      tally.count(variant.kind);
      const check = variant.target === 'workspace' ? checkWorkspaceDamage : checkDocumentDamage;
      const planted = await plant(options, template, variant);
      await check({ template, variant, tally, ...planted }).catch((error: unknown) =>
        tally.fail('unhandled', `${variant.name}: ${messageOf(error)}`),
      );
      await removeWorkspace(planted.dir);
    }
    await checkLeftovers(options, template, tally).catch((error: unknown) =>
      tally.fail('unhandled', `leftovers of a killed batch: ${messageOf(error)}`),
    );
  },
);
