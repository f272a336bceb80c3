// `npm run reliability [-- --quick] [--json <path>] [--seed <n>] [--scale <share>] [campaign…]`, or
// `… --shard i/n api-fuzz` for one of n processes sharing API fuzzing's batches (bench/reliability, Node only):
// runs the attack campaigns against the real store and the built host, prints one line per campaign (counts,
// the figures that must be zero, controls, duration), optionally writes them as JSON, and exits non-zero when
// a must-be-zero figure is not zero or a control that must fail was not caught.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiFuzz } from './api-fuzz/campaign';
import { damagedFiles } from './damaged-files/campaign';
import { diskFaults } from './disk-faults/campaign';
import { forcedKills } from './forced-kills/campaign';
import { hostileContent } from './hostile-content/campaign';
import { malformedImports } from './malformed-imports/campaign';
import { twoWriters } from './two-writers';
import { parseShard, type Campaign, type CampaignOptions } from './lib/campaign';
import { formatLine, Tally, violations, type CampaignResult } from './lib/figures';

const CAMPAIGNS: readonly Campaign[] = [
  forcedKills,
  diskFaults,
  damagedFiles,
  twoWriters,
  apiFuzz,
  malformedImports,
  hostileContent,
];

/** Errors that escape a campaign's own handling count against the campaign that was running. */
let escaped: string[] = [];
process.on('unhandledRejection', (reason) => escaped.push(`unhandled rejection: ${String(reason)}`));
process.on('uncaughtException', (error) =>
  escaped.push(`uncaught exception: ${error.stack ?? error.message}`),
);

async function runOne(campaign: Campaign, options: CampaignOptions): Promise<CampaignResult> {
  escaped = [];
  const started = performance.now();
  let result: CampaignResult;
  try {
    result = await campaign.run(options);
  } catch (error) {
    const tally = new Tally();
    tally.fail(
      'unhandled',
      `the campaign itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    result = tally.result(campaign.name, (performance.now() - started) / 1000);
  }
  if (escaped.length > 0) {
    result.zero['unhandled'] = (result.zero['unhandled'] ?? 0) + escaped.length;
    result.findings['unhandled'] = [...(result.findings['unhandled'] ?? []), ...escaped.slice(0, 5)];
  }
  return result;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean' },
      json: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      shard: { type: 'string' },
    },
  });
  const unknown = positionals.filter((name) => !CAMPAIGNS.some((c) => c.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown campaign ${unknown.join(', ')}; campaigns: ${CAMPAIGNS.map((c) => c.name).join(', ')}`,
    );
    return 2;
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(scale > 0 && scale <= 1)) {
    console.error(`--scale is a share of the full campaign, more than 0 and at most 1 (got ${values.scale})`);
    return 2;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') {
    console.error(shard);
    return 2;
  }
  if (shard !== undefined && (positionals.length !== 1 || positionals[0] !== apiFuzz.name)) {
    console.error(`--shard splits API fuzzing's batches across processes: name ${apiFuzz.name} alone`);
    return 2;
  }
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const scratch = await mkdtemp(join(tmpdir(), 'tagwright-reliability-'));
  // Every workspace gets its own preferences folder (lib/built-host.ts configDirFor); anything opened without
  // one still never reaches the real user's config.
  process.env['TAGWRIGHT_CONFIG_DIR'] = join(scratch, 'user-config');
  const options: CampaignOptions = {
    quick: values.quick ?? false,
    seed,
    scratch,
    log: (message) => console.log(`  … ${message}`),
    scale,
    ...(shard === undefined ? {} : { shard }),
  };
  const kind = options.quick
    ? 'quick sample'
    : scale < 1
      ? `full campaign at scale ${scale}`
      : 'full campaign';
  const share = shard === undefined ? '' : `, shard ${shard.index} of ${shard.count}`;
  console.log(`reliability: ${kind}, seed ${seed}${share}`);
  const started = new Date();
  const results: CampaignResult[] = [];
  try {
    for (const campaign of CAMPAIGNS.filter(
      (c) => positionals.length === 0 || positionals.includes(c.name),
    )) {
      const result = await runOne(campaign, options);
      results.push(result);
      console.log(formatLine(result));
      for (const [figure, examples] of Object.entries(result.findings)) {
        for (const example of examples) console.log(`     ${figure}: ${example}`);
        const kinds = Object.entries(result.breakdown[figure] ?? {}).sort((a, b) => b[1] - a[1]);
        if (kinds.length > 0)
          console.log(`     ${figure} by kind: ${kinds.map(([k, n]) => `${k} ×${n}`).join('; ')}`);
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (values.json !== undefined) {
    const path = resolve(values.json);
    const machine = { node: process.version, platform: process.platform, cpus: cpus().length };
    const report = {
      startedAt: started.toISOString(),
      quick: options.quick,
      scale,
      seed,
      ...(shard === undefined ? {} : { shard: `${shard.index}/${shard.count}` }),
      machine,
      campaigns: results,
    };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Written to ${path}`);
  }
  const failed = results.filter((r) => violations(r).length > 0);
  if (failed.length > 0) {
    console.log(`FAILED: ${failed.map((r) => `${r.name} (${violations(r).join(', ')})`).join('; ')}`);
    return 1;
  }
  console.log('All campaigns passed: every must-be-zero figure is 0 and every control was caught.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
