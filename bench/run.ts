// Runs every benchmark (bench/, `npm run bench`): the store, import, export and editor-plugin suites
// in-process, then the renderer suite in Debian Chromium against the built host. Prints one table of figures
// with their same-run baselines, ratios and targets, and writes it as JSON to bench/results/latest.json.
// `--quick` runs every suite small (the smoke run `npm test` makes: it proves the benchmarks work, no more).
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runEditorBench } from './editor-plugin';
import { runExportBench } from './export-throughput';
import { runImportBench } from './import-throughput';
import { removeFixtureWorkspaces } from './lib/fixture-workspaces';
import { formatTable, writeJson, type Notes, type Row, type SuiteResult } from './lib/report';
import { runRendererBench } from './renderer/renderer-bench';
import { runWorkspaceBench } from './renderer/workspace-open';
import { selectScales } from './lib/scales';
import { runJournalBench } from './store-journal';
import { runStoreBench } from './store-save';
import { runSuggestBench } from './suggest-eval';

/** A --quick smoke run never overwrites the figures of the last full run. */
const RESULTS = fileURLToPath(
  new URL(
    process.argv.includes('--quick') ? './results/quick.json' : './results/latest.json',
    import.meta.url,
  ),
);

const quick = process.argv.includes('--quick');
/** `--compare=<git ref>`: the renderer, workspace and export suites also measure that commit's build. */
const compare = process.argv.find((arg) => arg.startsWith('--compare='))?.slice('--compare='.length);
/** `--app=<git ref>`: those suites measure that commit's build instead of this checkout's. */
const app = process.argv.find((arg) => arg.startsWith('--app='))?.slice('--app='.length);
const scales = process.argv.find((arg) => arg.startsWith('--scales='))?.slice('--scales='.length);
if (scales !== undefined) selectScales(scales.split(',').map(Number));

const suites: { name: string; run: () => Promise<SuiteResult> | SuiteResult }[] = [
  { name: 'store', run: () => runStoreBench(quick) },
  { name: 'journal', run: () => runJournalBench(quick) },
  { name: 'import', run: () => runImportBench(quick) },
  { name: 'export', run: () => runExportBench({ quick, compare, app }) },
  { name: 'editor', run: () => runEditorBench(quick) },
  { name: 'renderer', run: () => runRendererBench({ quick, compare, app }) },
  { name: 'workspace', run: () => runWorkspaceBench({ quick, compare, app }) },
  { name: 'suggest', run: () => runSuggestBench(quick) },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const rows: Row[] = [];
  const notes: Notes = {};
  const seconds: Record<string, number> = {};
  const failed: string[] = [];
  try {
    for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
      process.stdout.write(`running ${suite.name}… `);
      const start = performance.now();
      try {
        const result = await suite.run();
        rows.push(...result.rows);
        Object.assign(notes, result.notes);
      } catch (error) {
        // One broken suite must not lose the others' figures: say so, go on, and fail the run at the end.
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        notes[`${suite.name}: FAILED`] = message.split('\n')[0]!;
        failed.push(`${suite.name}: ${message}`);
      }
      seconds[suite.name] = Number(((performance.now() - start) / 1000).toFixed(1));
      process.stdout.write(`${seconds[suite.name]} s\n`);
    }
  } finally {
    await removeFixtureWorkspaces();
  }
  console.log(`\n${formatTable(rows, notes)}\n`);
  await writeJson(RESULTS, rows, notes, seconds);
  console.log(`Written to ${RESULTS}`);
  if (failed.length > 0) {
    console.error(`\n${failed.join('\n\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
