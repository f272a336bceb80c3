// Runs jobs from the job table on worker threads (src/main/workers), so a slow or pathological parse never
// stalls the main thread (in Electron a stall freezes the window; in browser mode every request waits).
// Each job has a time budget; a job over budget, or cancelled through its AbortSignal, is stopped by
// terminating its thread, and the next job gets a fresh one. Jobs queue in arrival order.
import { Worker } from 'node:worker_threads';
import {
  jobs,
  type FromWorker,
  type JobInput,
  type JobName,
  type JobOutput,
  type RunJob,
  type ToWorker,
} from './jobs';
import { workerScript } from './worker-script';

export const DEFAULT_JOB_BUDGET_MS = 20_000;

/** The job ran longer than its budget and was stopped. */
export class JobTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`the work took longer than ${budgetMs / 1000} s and was stopped`);
    this.name = 'JobTimeoutError';
  }
}

/** The job was cancelled (its signal aborted, or the runner closed) before it finished. */
export class JobCancelledError extends Error {
  constructor() {
    super('the work was cancelled');
    this.name = 'JobCancelledError';
  }
}

/** The job threw, or its thread died (out of memory, crash). */
export class JobFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailedError';
  }
}

export interface JobRunnerOptions {
  /** Time budget of one job, from the moment a thread starts it (default 20 s). */
  budgetMs?: number;
  /** Threads at most (default 1: the machine's other core keeps the main thread answering). */
  maxWorkers?: number;
  /** Heap limit of each thread, so a runaway job dies alone instead of taking the app with it. */
  maxHeapMb?: number;
}

export interface RunOptions {
  budgetMs?: number;
  signal?: AbortSignal;
}

interface PendingJob {
  message: ToWorker;
  budgetMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: PendingJob | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class JobRunner {
  private readonly queue: PendingJob[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: JobRunnerOptions = {}) {}

  run<N extends JobName>(job: N, input: JobInput<N>, options: RunOptions = {}): Promise<JobOutput<N>> {
    return new Promise<unknown>((resolve, reject) => {
      if (this.closed || options.signal?.aborted === true) return reject(new JobCancelledError());
      const pending: PendingJob = {
        message: { id: this.nextId++, job, input },
        budgetMs: options.budgetMs ?? this.options.budgetMs ?? DEFAULT_JOB_BUDGET_MS,
        resolve,
        reject,
        signal: options.signal,
        onAbort: () => this.cancel(pending),
      };
      options.signal?.addEventListener('abort', pending.onAbort, { once: true });
      this.queue.push(pending);
      this.pump();
    }) as Promise<JobOutput<N>>;
  }

  /** Cancels every queued and running job and stops every thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) this.settle(pending, new JobCancelledError());
    await Promise.all([...this.slots].map((slot) => this.stop(slot, new JobCancelledError())));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find((slot) => slot.ready && slot.current === null);
      if (idle === undefined) {
        if (this.slots.size < (this.options.maxWorkers ?? 1)) this.spawn();
        return;
      }
      this.dispatch(idle, this.queue.shift() as PendingJob);
    }
  }

  private dispatch(slot: Slot, pending: PendingJob): void {
    slot.current = pending;
    slot.worker.ref(); // a running job keeps the process alive (the CLI awaits it)
    slot.timer = setTimeout(
      () => void this.stop(slot, new JobTimeoutError(pending.budgetMs)),
      pending.budgetMs,
    );
    slot.worker.postMessage(pending.message);
  }

  private spawn(): void {
    const { script, options } = workerScript();
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 };
    const slot: Slot = {
      worker: new Worker(script, { ...options, resourceLimits }),
      ready: false,
      current: null,
      timer: null,
    };
    this.slots.add(slot);
    slot.worker.unref(); // an idle thread never keeps the process alive
    slot.worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    slot.worker.on('error', (error) => this.finish(slot, new JobFailedError(error.message)));
    slot.worker.on('exit', (code) => {
      this.slots.delete(slot);
      this.finish(slot, new JobFailedError(`the worker thread stopped (exit code ${code})`));
      if (!this.closed) this.pump();
    });
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (message.kind === 'ready') slot.ready = true;
    else if (slot.current?.message.id === message.id) {
      const pending = slot.current;
      this.release(slot);
      if (message.kind === 'done') this.settle(pending, null, message.value);
      else this.settle(pending, new JobFailedError(message.message));
    }
    this.pump();
  }

  /** Fails the slot's current job, if any, with `error`. */
  private finish(slot: Slot, error: Error): void {
    const pending = slot.current;
    this.release(slot);
    if (pending !== null) this.settle(pending, error);
  }

  private release(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    slot.worker.unref();
  }

  /** Ends the slot's thread; its current job fails with `error`. */
  private async stop(slot: Slot, error: Error): Promise<void> {
    this.finish(slot, error);
    this.slots.delete(slot);
    await slot.worker.terminate();
  }

  private cancel(pending: PendingJob): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(pending, new JobCancelledError());
      return;
    }
    const slot = [...this.slots].find((s) => s.current === pending);
    if (slot !== undefined) void this.stop(slot, new JobCancelledError());
  }

  private settle(pending: PendingJob, error: Error | null, value?: unknown): void {
    pending.signal?.removeEventListener('abort', pending.onAbort);
    if (error === null) pending.resolve(value);
    else pending.reject(error);
  }
}

/** Runs jobs on the calling thread (unit tests of the service; the app uses a JobRunner's worker). */
export const runJobInline: RunJob = async (job, input, options) => {
  if (options?.signal?.aborted === true) throw new JobCancelledError();
  return (jobs[job] as (input: unknown) => never)(input);
};

/** The runner as a RunJob function. */
export function workerJobs(runner: JobRunner): RunJob {
  return (job, input, options) => runner.run(job, input, options);
}
