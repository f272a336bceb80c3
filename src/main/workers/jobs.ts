// The job table of the worker thread (src/main/workers): what work may run off the main thread, by name.
// Jobs are pure functions of structured-cloneable data, answering at once or with a promise: import parsing,
// exports, reading and placing annotated imports, search and the offline suggester. Adding a job means adding
// one entry here; the runner and the worker file stay as they are.
import type { AnnotationFormat, ExportBundle, ImportableFormat } from '@shared/formats/annotations';
import { renderExport, type RenderedExport } from '@shared/formats/annotations/render-export';
import {
  corpusAgreement,
  disagreementsBehind,
  type AgreementDocument,
  type AgreementOptions,
  type AgreementReport,
  type Disagreement,
  type FigureAddress,
} from '@shared/agreement';
import { importFile, type ImportOutcome } from '@shared/formats/import';
import { placeAnnotations, type PlacementInput } from '../service/exchange/plan-placement';
import { readAnnotations } from '../service/exchange/read-package';
import type { IncomingBytes } from '../service/exchange/input-files';
import type { SuggestInput, SuggestOutput } from '@shared/suggest';
import {
  searchDocuments,
  type SearchableDocument,
  type SearchOutcome,
  type SearchQuery,
} from '@shared/search';

export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
}

export const jobs = {
  /** Parses one import file into document drafts (or a refusal), as importFile does on any thread. */
  'import-file': ({ name, bytes }: ImportFileInput): ImportOutcome => importFile(name, bytes),
  /** Writes an export bundle in one format, zipped when it is several files. */
  'render-export': ({ bundle, format }: { bundle: ExportBundle; format: AnnotationFormat }): RenderedExport =>
    renderExport(bundle, format),
  /** Reads annotated files of one format (unzipped, decoded, parsed), or refuses them naming file and line. */
  'read-annotations': (input: { format: ImportableFormat; files: IncomingBytes[] }) => readAnnotations(input),
  /** Places, merges and checks a read package on the documents the main thread chose: the plan to commit. */
  'place-annotations': (input: PlacementInput) => placeAnnotations(input),
  /** Every agreement figure between layers, per label, per document and over the corpus. */
  agreement: (input: {
    documents: AgreementDocument[];
    layers: string[];
    options: AgreementOptions;
  }): AgreementReport => corpusAgreement(input.documents, input.layers, input.options),
  /** What lies behind one figure of the agreement report. */
  disagreements: (input: {
    documents: AgreementDocument[];
    address: FigureAddress;
    options: AgreementOptions;
  }): Disagreement[] => disagreementsBehind(input.documents, input.address, input.options),
  /**
   * Proposes actors, claims and conditions with their links for one text (the offline suggester). Its language
   * models (compromise, wink) load on the first suggestion, not with every thread and every CLI command.
   */
  suggest: async (input: SuggestInput): Promise<SuggestOutput> =>
    (await import('@shared/suggest/suggest')).suggest(input),
  /** Matches a query over a chunk of documents; an analyst's regex may backtrack for ever, hence the thread. */
  'search-documents': (input: {
    query: SearchQuery;
    documents: SearchableDocument[];
    limit: number;
  }): SearchOutcome => searchDocuments(input.query, input.documents, input.limit),
} satisfies Record<string, (input: never) => unknown>;

export type JobTable = typeof jobs;
export type JobName = keyof JobTable;
export type JobInput<N extends JobName> = Parameters<JobTable[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<JobTable[N]>>;

/** Runs a job: on the worker thread in the app, inline in unit tests. */
export type RunJob = <N extends JobName>(
  job: N,
  input: JobInput<N>,
  options?: { budgetMs?: number; signal?: AbortSignal },
) => Promise<JobOutput<N>>;

/** Messages between the runner and a worker. */
export type ToWorker = { id: number; job: JobName; input: unknown };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; message: string };

export function isJobName(value: unknown): value is JobName {
  return typeof value === 'string' && Object.hasOwn(jobs, value);
}
