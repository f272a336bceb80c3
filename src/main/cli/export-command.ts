// `tagwright export`: writes a selection of the workspace in one annotation format (src/main). Multi-file
// formats become one zip (with README.txt); CSV written to a .csv path puts the frame table beside the span
// table. It never overwrites a file unless told to (--force), and writes through a temp file and a rename, so
// a failed or cancelled export leaves nothing behind.
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { annotationFormats, type AnnotationFormat } from '@shared/formats/annotations';
import { documentStatuses, type DocumentStatus } from '@shared/model';
import { defaultWorkspaceDir } from '../app-paths';
import { writeFileAtomically } from '../store/durable-json-file';
import { nodeFileIO } from '../store/file-io';
import { openWorkbench } from '../service/open-workbench';
import { callService, listOption, showProgress, taskId, UsageError, type CliCommand } from './cli-support';

function formatOf(value: string | undefined): AnnotationFormat {
  if (value === undefined)
    throw new UsageError(`Name a format with --format (${annotationFormats.join(', ')}).`);
  if (!(annotationFormats as readonly string[]).includes(value)) {
    throw new UsageError(`Unknown format "${value}": use one of ${annotationFormats.join(', ')}.`);
  }
  return value as AnnotationFormat;
}

function statusesOf(value: string | undefined): DocumentStatus[] {
  const statuses = listOption(value);
  const wrong = statuses.filter((s) => !(documentStatuses as readonly string[]).includes(s));
  if (wrong.length > 0)
    throw new UsageError(`Unknown status ${wrong.join(', ')}: use ${documentStatuses.join(', ')}.`);
  return statuses as DocumentStatus[];
}

/** The files to write: one file, or for CSV at a .csv path the span table and the frame table beside it. */
function outputs(
  format: AnnotationFormat,
  out: string,
  bytes: Uint8Array,
): { path: string; bytes: Uint8Array }[] {
  if (format !== 'csv' || extname(out).toLowerCase() !== '.csv') return [{ path: out, bytes }];
  const files = unzipSync(bytes);
  const frames = join(dirname(out), `${out.slice(dirname(out).length + 1, -4)}.frames.csv`);
  return [
    { path: out, bytes: files['spans.csv']! },
    { path: frames, bytes: files['frames.csv']! },
  ];
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage:
    'export --workspace <dir> --format <native|jsonl|doccano|labelstudio|brat|conll|w3c|csv> --out <path> [--layers a,b] [--labels x,y] [--status done] [--docs id,…] [--force]',
  summary: 'Export the tagged corpus (or a selection) in one annotation format.',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        workspace: { type: 'string', short: 'w' },
        format: { type: 'string' },
        out: { type: 'string' },
        layers: { type: 'string' },
        labels: { type: 'string' },
        status: { type: 'string' },
        docs: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
    const format = formatOf(values.format);
    if (values.out === undefined) throw new UsageError('Say where to write the export with --out <path>.');
    const out = resolve(values.out);
    const statuses = statusesOf(values.status);
    const docs = listOption(values.docs);
    if (docs.length > 0 && statuses.length > 0)
      throw new UsageError('Choose documents by --docs or by --status, not both.');
    const dir = resolve(values.workspace ?? defaultWorkspaceDir());
    const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false, log: io.err });
    const stopProgress = showProgress(workbench, io);
    try {
      const result = await callService(workbench, 'export:run', {
        format,
        layers: listOption(values.layers),
        labels: listOption(values.labels),
        documents:
          docs.length > 0
            ? { kind: 'ids', ids: docs }
            : statuses.length > 0
              ? { kind: 'status', statuses }
              : { kind: 'all' },
        destination: 'download',
        taskId: taskId(),
      });
      const files = outputs(format, out, Buffer.from(result.dataBase64 ?? '', 'base64'));
      const taken = files.filter((f) => existsSync(f.path));
      if (taken.length > 0 && values.force !== true) {
        io.err(
          `Error: ${taken.map((f) => f.path).join(' and ')} already exists; nothing was written (add --force to replace it).`,
        );
        return 1;
      }
      for (const file of files) await writeFileAtomically(nodeFileIO, file.path, file.bytes);
      io.out(
        `exported ${result.documents} documents, ${result.spans} spans, ${result.relations} relations (offsets: ${result.offsetUnit})`,
      );
      for (const file of files) io.out(`wrote     ${file.path}`);
      for (const limit of result.limitations) io.out(`cannot hold: ${limit}`);
      for (const warning of result.warnings) {
        io.err(
          `warning   ${warning.document === undefined ? '' : `${warning.document}: `}${warning.message}`,
        );
      }
      return 0;
    } finally {
      stopProgress();
      await workbench.close();
    }
  },
};
