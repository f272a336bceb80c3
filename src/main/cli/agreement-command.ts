// `tagwright agreement --workspace <dir> --layers a,b [--json]` (src/main): the agreement figures per label and
// overall, for each pair of layers and across all of them — the very report the review screen shows. --json
// prints that report as JSON (label names and metric names as keys) for scripts.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MultiFigures, PairFigures, PairScope, PRF } from '@shared/agreement';
import { defaultWorkspaceDir } from '../app-paths';
import { openWorkbench } from '../service/open-workbench';
import {
  callService,
  listOption,
  showProgress,
  taskId,
  UsageError,
  type CliCommand,
  type CliIo,
} from './cli-support';

const num = (value: number | null) => (value === null ? '–' : value.toFixed(3));
const f1 = (prf: PRF) => num(prf.f1);

function table(rows: string[][], io: CliIo): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    io.out(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

function pairRows(scope: PairScope): string[][] {
  const row = (name: string, f: PairFigures) => [
    name,
    f1(f.spanExact),
    f1(f.spanOverlap),
    num(f.cohenKappa),
    num(f.krippendorffAlpha),
    num(f.unitizedAlpha),
  ];
  return [
    ['label', 'exact F1', 'overlap F1', 'Cohen κ', 'Krippendorff α', 'α_U'],
    ...Object.entries(scope.perLabel).map(([label, figures]) => row(label, figures)),
    row('all labels', scope.overall),
  ];
}

function multiRows(perLabel: Record<string, MultiFigures>, overall: MultiFigures): string[][] {
  const row = (name: string, f: MultiFigures) => [
    name,
    num(f.fleissKappa),
    num(f.krippendorffAlpha),
    num(f.unitizedAlpha),
  ];
  return [
    ['label', 'Fleiss κ', 'Krippendorff α', 'α_U'],
    ...Object.entries(perLabel).map(([l, f]) => row(l, f)),
    row('all labels', overall),
  ];
}

export const agreementCommand: CliCommand = {
  name: 'agreement',
  usage: 'agreement --workspace <dir> --layers a,b[,c…] [--labels x,y] [--json]',
  summary: 'Print agreement figures between layers per label and overall (--json: the same as JSON).',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        workspace: { type: 'string', short: 'w' },
        layers: { type: 'string' },
        labels: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const layers = listOption(values.layers);
    if (layers.length < 2) throw new UsageError('Name at least two layers with --layers a,b.');
    const dir = resolve(values.workspace ?? defaultWorkspaceDir());
    const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false, log: io.err });
    const stopProgress = showProgress(workbench, io);
    try {
      const report = await callService(workbench, 'review:agreement', {
        layers,
        labels: listOption(values.labels),
        taskId: taskId(),
      });
      if (values.json === true) {
        io.out(JSON.stringify(report, null, 2));
        return 0;
      }
      const tokens = report.documents.reduce((n, d) => n + d.tokens, 0);
      io.out(`Agreement over ${report.documents.length} document(s), ${tokens} word tokens.`);
      for (const pair of report.pairs) {
        io.out('');
        io.out(`${pair.a} (reference) and ${pair.b}:`);
        table(pairRows(pair.corpus), io);
        const relations = pair.corpus.relations;
        io.out(
          `relations (type and both ends exact): F1 ${f1(relations.overall)} (${relations.overall.tp} matched, ${relations.overall.fn} only in ${pair.a}, ${relations.overall.fp} only in ${pair.b})`,
        );
      }
      if (report.layers.length > 2) {
        io.out('');
        io.out(`Across all layers (${report.layers.join(', ')}):`);
        table(multiRows(report.all.corpus.perLabel, report.all.corpus.overall), io);
      }
      return 0;
    } finally {
      stopProgress();
      await workbench.close();
    }
  },
};
