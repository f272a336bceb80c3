// Runs every benchmark (bench/, `npm run bench`): the store, import and editor-plugin suites in-process, then
// the renderer suite in Debian Chromium against the built host. Prints one table of figures with their
// same-run baselines and ratios, and writes it as JSON to bench/results/latest.json.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runEditorBench } from './editor-plugin';
import { runImportBench } from './import-throughput';
import { formatTable, writeJson, type Notes, type Row, type SuiteResult } from './lib/report';
import { runRendererBench } from './renderer/renderer-bench';
import { runJournalBench } from './store-journal';
import { runStoreBench } from './store-save';
import { runSuggestBench } from './suggest-eval';

const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));

/** `--quick`: fewer repetitions where a suite supports it (the suggester's). */
const quick = process.argv.includes('--quick');

const suites: { name: string; run: () => Promise<SuiteResult> | SuiteResult }[] = [
  { name: 'store', run: runStoreBench },
  { name: 'journal', run: () => runJournalBench(quick) },
  { name: 'import', run: runImportBench },
  { name: 'editor', run: runEditorBench },
  { name: 'renderer', run: runRendererBench },
  { name: 'suggest', run: () => runSuggestBench(quick) },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const rows: Row[] = [];
  const notes: Notes = {};
  const seconds: Record<string, number> = {};
  for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
    process.stdout.write(`running ${suite.name}… `);
    const start = performance.now();
    const result = await suite.run();
    seconds[suite.name] = Number(((performance.now() - start) / 1000).toFixed(1));
    process.stdout.write(`${seconds[suite.name]} s\n`);
    rows.push(...result.rows);
    Object.assign(notes, result.notes);
  }
  console.log(`\n${formatTable(rows, notes)}\n`);
  await writeJson(RESULTS, rows, notes, seconds);
  console.log(`Written to ${RESULTS}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
