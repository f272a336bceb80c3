// Export throughput (bench/, in-process) against `JSON.stringify` of the same document records, over the
// first documents of the corpus workspace: every annotation format through `export:run` as the export dialog
// calls it (rendered on the worker, the file returned for a download), and the native JSON a client gets
// from `document:get`. Each exporter in EXPORTERS gets its row (target ≥ 50 % of JSON.stringify).
import { randomUUID } from 'node:crypto';
import {
  annotationFormats,
  codecs,
  zipFiles,
  type AnnotationFormat,
  type ExportBundle,
} from '@shared/formats/annotations';
import type { DocId } from '@shared/model';
import { compareExportBuilds, type ExportCase } from './export-builds';
import { corpusWorkspace, FULL_CORPUS, QUICK_CORPUS } from './lib/fixture-workspaces';
import { ratioAtLeast, row, type Notes, type Row, type SuiteResult } from './lib/report';
import { sample, sampleSync } from './lib/stats';
import { existingWorkbench, type BenchWorkbench } from './lib/workbench';

const MB = 1024 * 1024;
const DOCUMENTS = 100;
/** Documents per format export: about 3.4 MB of records (CoNLL and CSV take seconds per megabyte). */
const FORMAT_DOCUMENTS = 10;

export interface Exporter {
  name: string;
  /** The format exported, or null for the native JSON of document:get. */
  format: AnnotationFormat | null;
  /** How many corpus documents to export (the slowest formats take a few minutes over 100). */
  documents(quick: boolean): number;
  /** Exports the documents and returns the bytes or text written. */
  run(wb: BenchWorkbench, docIds: readonly DocId[]): Promise<Uint8Array | string>;
}

/** Native JSON as the hosts send it today: each record from `document:get`, serialized. */
const nativeJson: Exporter = {
  name: 'native JSON (document:get + serialize)',
  format: null,
  documents: (quick) => (quick ? 20 : DOCUMENTS),
  async run(wb, docIds) {
    const parts: string[] = [];
    for (const docId of docIds) parts.push(JSON.stringify(await wb.call('document:get', { docId })));
    return parts.join('\n');
  },
};

/** One format exported as the dialog does it: every layer and label of the documents, as a download. */
function formatExporter(format: AnnotationFormat): Exporter {
  return {
    name: `${format} export (export:run)`,
    format,
    documents: (quick) => (quick ? 5 : FORMAT_DOCUMENTS),
    async run(wb, docIds) {
      const result = await wb.call('export:run', {
        format,
        layers: [],
        labels: [],
        documents: { kind: 'ids', ids: [...docIds] },
        destination: 'download',
        taskId: randomUUID(),
      });
      return Buffer.from(result.dataBase64 ?? '', 'base64');
    },
  };
}

export const EXPORTERS: readonly Exporter[] = [...annotationFormats.map(formatExporter), nativeJson];

const size = (out: Uint8Array | string): number =>
  typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;

/** The first `count` documents of the corpus, and JSON.stringify of their records: size and timing. */
async function recordsOf(wb: BenchWorkbench, count: number) {
  const docIds = wb.store
    .documents()
    .slice(0, count)
    .map((d) => d.id);
  const records = await Promise.all(docIds.map((docId) => wb.store.readDocument(docId)));
  const jsonMb = Buffer.byteLength(records.map((r) => JSON.stringify(r)).join('\n')) / MB;
  const stringify = sampleSync(5, 1, () => records.map((r) => JSON.stringify(r)).join('\n'));
  return { docIds, jsonMb, stringifyMbPerSecond: (1000 * jsonMb) / stringify.median };
}

/**
 * Throughput is the records' JSON size over the export's time, so formats that zip their output (brat, CoNLL,
 * CSV) are compared on the same work as the ones that do not; each output's size goes into the notes.
 */
export interface ExportBenchOptions {
  quick: boolean;
  /** Also export through this commit's build and this checkout's (or `app`'s), over HTTP (export-builds.ts). */
  compare?: string;
  app?: string;
}

export async function runExportBench({ quick, compare, app }: ExportBenchOptions): Promise<SuiteResult> {
  const corpus = await corpusWorkspace(quick ? QUICK_CORPUS : FULL_CORPUS);
  const rows: Row[] = [];
  const notes: Notes = {};
  const cases = await inProcess(corpus.dir, quick, rows, notes);
  rows.push(...(await codecRows(corpus.dir, quick)));
  if (compare !== undefined)
    rows.push(...(await compareExportBuilds(corpus, cases, { quick, compare, app })));
  return { rows, notes };
}

/** The in-process rows (this checkout's source) against JSON.stringify; returns what was exported. */
async function inProcess(dir: string, quick: boolean, rows: Row[], notes: Notes): Promise<ExportCase[]> {
  const wb = await existingWorkbench(dir);
  const cases: ExportCase[] = [];
  try {
    for (const exporter of EXPORTERS) {
      const { docIds, jsonMb, stringifyMbPerSecond } = await recordsOf(wb, exporter.documents(quick));
      cases.push({ name: exporter.name, format: exporter.format, docIds, jsonMb });
      let outMb = 0;
      const runs = await sample(
        quick ? 1 : 2,
        1,
        async () => (outMb = size(await exporter.run(wb, docIds)) / MB),
      );
      const name = `${exporter.name}, ${docIds.length} corpus docs`;
      notes[`export: ${name}`] = `${jsonMb.toFixed(1)} MB of records as JSON, ${outMb.toFixed(1)} MB written`;
      rows.push(
        row(
          'export',
          name,
          'MB/s',
          (1000 * jsonMb) / runs.median,
          stringifyMbPerSecond,
          'JSON.stringify',
          ratioAtLeast(0.5),
        ),
      );
    }
    return cases;
  } finally {
    await wb.cleanup();
  }
}

/**
 * Each codec alone, in this process, on records already in memory: what rendering costs without reading the
 * documents, handing them to the worker, zipping and returning the file (the pre-zip throughput), and the zip.
 */
async function codecRows(dir: string, quick: boolean): Promise<Row[]> {
  const wb = await existingWorkbench(dir);
  try {
    const { docIds, jsonMb, stringifyMbPerSecond } = await recordsOf(wb, quick ? 5 : FORMAT_DOCUMENTS);
    const ws = wb.store.workspace();
    const bundle: ExportBundle = {
      schema: ws.labelSchema,
      annotators: ws.annotators,
      documents: await Promise.all(docIds.map((id) => wb.store.readDocument(id))),
      exportedAt: new Date(0).toISOString(),
      exportedBy: 'Bench',
    };
    const rows: Row[] = [];
    for (const format of annotationFormats) {
      const codec = codecs[format];
      let files = codec.serialize(bundle).files;
      const render = sampleSync(quick ? 1 : 3, 1, () => (files = codec.serialize(bundle).files));
      const name = `${format} codec only (serialize, no worker or zip), ${docIds.length} corpus docs`;
      rows.push(
        row('export', name, 'MB/s', (1000 * jsonMb) / render.median, stringifyMbPerSecond, 'JSON.stringify'),
      );
      if (!codec.multiFile && files.length === 1) continue;
      const zip = sampleSync(quick ? 1 : 3, 1, () => zipFiles(files));
      const zipName = `${format} zip of the codec's files, ${docIds.length} corpus docs`;
      rows.push(
        row('export', zipName, 'MB/s', (1000 * jsonMb) / zip.median, stringifyMbPerSecond, 'JSON.stringify'),
      );
    }
    return rows;
  } finally {
    await wb.cleanup();
  }
}
