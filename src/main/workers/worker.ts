// The one worker-thread entry (src/main/workers), built as out/main/worker.js: runs jobs from the job table on
// request and posts their results. A job that runs too long is not stopped here; the runner terminates the
// whole thread, so a parse stuck in a pathological input can never stall the main thread.
import { parentPort } from 'node:worker_threads';
import { isJobName, jobs, type FromWorker, type ToWorker } from './jobs';

const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);

async function runJob({ job, input }: ToWorker): Promise<unknown> {
  if (!isJobName(job)) throw new Error(`there is no job called "${String(job)}"`);
  const run = jobs[job] as (input: unknown) => unknown;
  return run(input);
}

port.on('message', (message: ToWorker) => {
  const { id } = message;
  // A result that cannot be posted (not cloneable) fails its job like a throw does.
  void runJob(message)
    .then((value) => post({ kind: 'done', id, value }))
    .catch((error: unknown) =>
      post({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
    );
});

post({ kind: 'ready' });
