// The job table of the worker thread (src/main/workers): what work may run off the main thread, by name.
// Jobs are pure functions of structured-cloneable data; import parsing is the first, suggestions and exports
// will join it. Adding a job means adding one entry here; the runner and the worker file stay as they are.
import { importFile, type ImportOutcome } from '@shared/formats/import';

export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
}

export const jobs = {
  /** Parses one import file into document drafts (or a refusal), as importFile does on any thread. */
  'import-file': ({ name, bytes }: ImportFileInput): ImportOutcome => importFile(name, bytes),
} satisfies Record<string, (input: never) => unknown>;

export type JobTable = typeof jobs;
export type JobName = keyof JobTable;
export type JobInput<N extends JobName> = Parameters<JobTable[N]>[0];
export type JobOutput<N extends JobName> = ReturnType<JobTable[N]>;

/** Messages between the runner and a worker. */
export type ToWorker = { id: number; job: JobName; input: unknown };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; message: string };

export function isJobName(value: unknown): value is JobName {
  return typeof value === 'string' && Object.hasOwn(jobs, value);
}
