// Damaged annotated files through both import paths (bench/reliability, Node only): `import:preview` then
// `import:commit` on the built host into a layer of its own, and `import --format --layer` of the built CLI.
// A refusal must name the damaged file and, for a file with lines, the line (the defect's, where it is
// certain); a refused import must change nothing; a committed one must do exactly what its preview said, and
// nothing more (`partial` otherwise).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ImportAnnotationsReport, Result, WorkspaceView } from '@shared/api';
import { runBuiltCli, type ServeProcess } from '../lib/built-host';
import type { Tally } from '../lib/figures';
import type { AnnotatedFile } from './annotated-mutations';
import { timed, type ImportHost, type Probe } from './import-host';

/** What an import can change, as the document list shows it: revisions and span counts per layer. */
interface Counts {
  revisions: string;
  spans: Map<string, number>;
  analysts: number;
}

async function countsOf(host: ServeProcess): Promise<Counts | null> {
  const view = await host.call('workspace:get', {}, 120_000).catch(() => null);
  if (view === null || !view.ok) return null;
  const { documents, annotators } = view.value as WorkspaceView;
  const spans = new Map<string, number>();
  for (const doc of documents) {
    for (const [layer, labels] of Object.entries(doc.spanCounts)) {
      const sum = Object.values(labels ?? {}).reduce((n, c) => n + (c ?? 0), 0);
      spans.set(layer, (spans.get(layer) ?? 0) + sum);
    }
  }
  const revisions = documents.map((d) => `${d.id}@${d.revision}`).join(' ');
  return { revisions, spans, analysts: annotators.length };
}

const label = (file: AnnotatedFile): string => `${file.format} ${file.name} (${file.attack})`;
const kindOf = (file: AnnotatedFile): string =>
  `${file.format}: ${file.attack.replace(/\b(?:[0-9a-f]{2,}|\d[\d,]*)\b/g, '#').replace(/ \(in .*\)$/, ' (in a zip)')}`;

/** The line a refusal names, from its details or its message. */
function namedLine(message: string, details: unknown): number | undefined {
  const line = (details as { line?: unknown } | undefined)?.line;
  if (typeof line === 'number') return line;
  const match = /\bline (\d+)\b/.exec(message);
  return match === null ? undefined : Number(match[1]);
}

/** A refusal names the damaged file and, where it has lines, the line; the workspace must be as it was. */
export function judgeRefusal(
  tally: Tally,
  file: AnnotatedFile,
  message: string,
  line: number | undefined,
): void {
  const kind = kindOf(file);
  // A damaged brat text shows where its .ann stops matching it: naming that .ann line is as exact.
  const pairedAnn =
    file.format === 'brat' && file.name.endsWith('.txt') ? file.name.replace(/\.txt$/, '.ann') : null;
  const named = message.includes(file.name) || (pairedAnn !== null && message.includes(pairedAnn));
  const lineOk =
    !file.hasLines ||
    (line !== undefined && (file.line === undefined || line === file.line || pairedAnn !== null));
  const got = `expected "${file.name}" line ${file.line ?? (file.hasLines ? 'any' : '-')}, got line ${line ?? '-'}: ${message}`;
  tally.expect(named && lineOk, 'unclear', () => `${label(file)}: ${got}`, kind);
  tally.count('annotatedRefused');
}

function judgeCommit(
  tally: Tally,
  file: AnnotatedFile,
  preview: ImportAnnotationsReport,
  commit: ImportAnnotationsReport,
  change: { before: Counts; after: Counts },
): void {
  const kind = kindOf(file);
  tally.count('annotatedImported');
  tally.expect(!file.mustRefuse, 'unrefused', () => `${label(file)} was imported`, kind);
  const promised = JSON.stringify(preview.totals);
  tally.expect(
    promised === JSON.stringify(commit.totals),
    'partial',
    () => `${label(file)}: the preview said ${promised}, the commit did ${JSON.stringify(commit.totals)}`,
    kind,
  );
  let counted = 0;
  for (const layer of commit.layers)
    counted += (change.after.spans.get(layer) ?? 0) - (change.before.spans.get(layer) ?? 0);
  const expected = commit.totals.added - commit.totals.removed;
  tally.expect(
    counted === expected,
    'partial',
    () => `${label(file)}: ${counted} spans more on disk, the report says ${expected}`,
    kind,
  );
}

/** Preview, then commit, of one damaged request into layer `Import <serial>`, judged. */
export async function importAnnotated(
  target: ImportHost,
  probe: Probe,
  file: AnnotatedFile,
  serial: number,
  limit: number,
  tally: Tally,
): Promise<void> {
  tally.count('annotatedFiles');
  const request = {
    format: file.format,
    layer: `Import ${serial}`,
    files: file.files.map((f) => ({ name: f.name, dataBase64: f.bytes.toString('base64') })),
  };
  const before = await countsOf(target.host);
  const call = (method: string) =>
    timed(target, probe, tally, label(file), limit, (host) => host.call(method, request, limit));
  const preview = await call('import:preview');
  const commit = preview?.ok === true ? await call('import:commit') : preview;
  const after = await countsOf(target.host);
  if (commit === null || before === null || after === null) return;
  judgeAnswer(tally, file, { preview: preview as Result<unknown>, commit }, { before, after });
}

function judgeAnswer(
  tally: Tally,
  file: AnnotatedFile,
  answers: { preview: Result<unknown>; commit: Result<unknown> },
  change: { before: Counts; after: Counts },
): void {
  const { preview, commit } = answers;
  if (!commit.ok) {
    if (commit.error.code === 'internal')
      return tally.fail('unhandled', `${label(file)}: ${commit.error.message}`, kindOf(file));
    const unchanged =
      change.before.revisions === change.after.revisions && change.before.analysts === change.after.analysts;
    tally.expect(
      unchanged,
      'partial',
      () => `${label(file)}: refused (${commit.error.message}), but the workspace changed`,
      kindOf(file),
    );
    return judgeRefusal(
      tally,
      file,
      commit.error.message,
      namedLine(commit.error.message, commit.error.details),
    );
  }
  if (!preview.ok) return;
  judgeCommit(
    tally,
    file,
    preview.value as ImportAnnotationsReport,
    commit.value as ImportAnnotationsReport,
    change,
  );
}

/** The same request through `import --format <f> --layer <name>` of the built CLI, on a workspace of its own. */
export async function importAnnotatedByCli(
  workspace: string,
  scratch: string,
  file: AnnotatedFile,
  serial: number,
  tally: Tally,
): Promise<void> {
  tally.count('cliFiles');
  const folder = join(scratch, `cli-${serial}`);
  const paths: string[] = [];
  for (const f of file.files) {
    const path = join(folder, ...f.name.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.bytes);
    paths.push(path);
  }
  const run = await runBuiltCli(
    'import',
    workspace,
    ['--format', file.format, '--layer', `Cli ${serial}`, ...paths],
    120_000,
  );
  if (run.exitCode === 0) {
    tally.expect(!file.mustRefuse, 'unrefused', () => `CLI: ${label(file)} was imported`, kindOf(file));
    return;
  }
  if (/\n\s+at /.test(run.output) || run.exitCode === null)
    return tally.fail('unhandled', `CLI: ${label(file)}: ${run.output.slice(0, 300)}`);
  judgeRefusal(tally, file, run.output, namedLine(run.output, undefined));
}
