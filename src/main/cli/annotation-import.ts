// `tagwright import --format <f> --layer <name> <files…>` (src/main): annotated files into one layer, through
// the same planning and all-or-nothing commit as the app's import dialog. Folders are read whole (a brat
// package), names keep their folders relative to what was given, and each .ann pairs with the .txt beside it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importableFormats, type ImportableFormat } from '@shared/formats/annotations';
import { MAX_IMPORT_FILE_BYTES } from '@shared/model';
import type { OpenWorkbench } from '../service/open-workbench';
import { callService, showProgress, taskId, UsageError, type CliIo } from './cli-support';

export function importableFormatOf(value: string): ImportableFormat {
  if (!(importableFormats as readonly string[]).includes(value)) {
    throw new UsageError(`Cannot import "${value}": use one of ${importableFormats.join(', ')}.`);
  }
  return value as ImportableFormat;
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((e) => !e.name.startsWith('.')).map((e) => listFiles(join(path, e.name))),
  );
  return nested.flat();
}

/** The deepest folder holding every given path, so names keep only the folders inside what was given. */
function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => dirname(p).split(sep));
  const first = parts[0] ?? [];
  let length = first.length;
  for (const other of parts) {
    let i = 0;
    while (i < length && other[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join(sep) || sep;
}

export async function importAnnotations(
  workbench: OpenWorkbench,
  format: ImportableFormat,
  layer: string,
  given: readonly string[],
  io: CliIo,
): Promise<number> {
  const paths = (await Promise.all(given.map((p) => listFiles(resolve(p)).catch(() => [resolve(p)])))).flat();
  const root = commonFolder(paths);
  const files = [];
  for (const path of paths) {
    const name = relative(root, path).split(sep).join('/');
    const size = await stat(path).then(
      (s) => s.size,
      () => -1,
    );
    if (size < 0) throw new UsageError(`${path} could not be read (it does not exist).`);
    if (size > MAX_IMPORT_FILE_BYTES) {
      io.err(`Error (too-large): ${name} is larger than 32 MiB; nothing was imported.`);
      return 1;
    }
    files.push({ name, dataBase64: (await readFile(path)).toString('base64') });
  }
  const stopProgress = showProgress(workbench, io);
  try {
    const report = await callService(workbench, 'import:commit', { format, layer, files, taskId: taskId() });
    for (const doc of report.documents) {
      io.out(
        `${doc.match === 'new' ? 'new doc ' : doc.match === 'sha256' ? 'matched ' : 'anchored'}  ${doc.title} → layer ${doc.layer}: ` +
          `${doc.spans} spans, ${doc.relations} relations (+${doc.added} −${doc.removed} relabelled ${doc.relabelled}, changed ${doc.updated})`,
      );
      for (const lost of doc.unplaced)
        io.err(`unplaced  ${doc.title}: ${lost.label} ${lost.quote} (${lost.reason})`);
    }
    for (const addition of report.schemaAdditions) io.out(`schema    added ${addition}`);
    for (const warning of report.warnings) io.err(`warning   ${warning}`);
    const { added, removed, relabelled, updated, unplaced } = report.totals;
    io.out(
      `${added} added, ${removed} removed, ${relabelled} relabelled, ${updated} changed, ${unplaced} could not be placed`,
    );
    if (unplaced > 0) {
      io.err(
        `Error: ${unplaced} span(s) could not be placed on the workspace's text (listed above); the rest was imported.`,
      );
      return 1;
    }
    return 0;
  } finally {
    stopProgress();
  }
}
