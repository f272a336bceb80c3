// The worker-thread job runner: jobs (answering at once or with a promise) give the same result as on the main
// thread, a job over its budget or cancelled is stopped by terminating its thread, the next job gets a fresh
// thread, and the main thread keeps running while a long job works.
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '@shared/formats/import';
import { suggest } from '@shared/suggest/suggest';
import { JobCancelledError, JobRunner, JobTimeoutError } from './job-runner';
import type { JobName } from './jobs';

const runners: JobRunner[] = [];
const newRunner = (budgetMs?: number): JobRunner => {
  const runner = new JobRunner(budgetMs === undefined ? {} : { budgetMs });
  runners.push(runner);
  return runner;
};
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.close()));
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** An HTML page of a few MiB: parsing it takes seconds on this machine's main thread. */
const slowPage = (): Uint8Array => utf8('<p>Some <b>words</b> here &amp; there</p>\n'.repeat(150_000));

describe('the job runner', () => {
  it('gives the same outcome as parsing on the main thread', async () => {
    const bytes = utf8('# Title\n\nSome *Markdown* text.');
    await expect(newRunner().run('import-file', { name: 'a.md', bytes })).resolves.toEqual(
      importFile('a.md', bytes),
    );
  });

  it('answers a job that answers with a promise, and fails one whose promise rejects', async () => {
    // The suggester imports its language models on its first run, in the thread.
    const text = 'Damascus insists that Turkey withdraw its forces if the talks fail.';
    const runner = newRunner();
    const proposed = await runner.run('suggest', { text });
    expect(proposed.spans.length).toBeGreaterThan(0);
    expect(proposed).toEqual(suggest({ text }));
    await expect(runner.run('no-such-job' as JobName, { text })).rejects.toThrow(
      'there is no job called "no-such-job"',
    );
    await expect(runner.run('suggest', { text: 'Still answering.' })).resolves.toBeDefined();
  });

  it('stops a job over its budget and runs the next job on a fresh thread', async () => {
    const runner = newRunner(20_000);
    await runner.run('import-file', { name: 'warm.txt', bytes: utf8('warm up') });
    const slow = runner.run('import-file', { name: 'big.html', bytes: slowPage() }, { budgetMs: 50 });
    await expect(slow).rejects.toBeInstanceOf(JobTimeoutError);
    await expect(runner.run('import-file', { name: 'b.txt', bytes: utf8('next') })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('cancels a queued job and a running one through their signals', async () => {
    const runner = newRunner();
    const running = new AbortController();
    const queued = new AbortController();
    const first = runner.run(
      'import-file',
      { name: 'a.html', bytes: slowPage() },
      { signal: running.signal },
    );
    const second = runner.run('import-file', { name: 'b.txt', bytes: utf8('b') }, { signal: queued.signal });
    queued.abort();
    await expect(second).rejects.toBeInstanceOf(JobCancelledError);
    // Let the first job reach its thread, then cancel it there.
    await new Promise((resolve) => setTimeout(resolve, 0));
    running.abort();
    await expect(first).rejects.toBeInstanceOf(JobCancelledError);
    await expect(runner.run('import-file', { name: 'c.txt', bytes: utf8('c') })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('keeps the main thread answering while a long job runs', async () => {
    const runner = newRunner();
    await runner.run('import-file', { name: 'warm.txt', bytes: utf8('warm up') });
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    await runner.run('import-file', { name: 'big.html', bytes: slowPage() });
    const took = performance.now() - started;
    clearInterval(ticker);
    // The parse takes far longer than any gap between the main thread's timer ticks.
    expect(took).toBeGreaterThan(4 * longestGap);
    expect(longestGap).toBeLessThan(500);
  });

  it('refuses new jobs once closed and cancels those in flight', async () => {
    const runner = newRunner();
    const pending = runner.run('import-file', { name: 'a.html', bytes: slowPage() });
    const cancelled = expect(pending).rejects.toBeInstanceOf(JobCancelledError);
    await runner.close();
    await cancelled;
    await expect(runner.run('import-file', { name: 'b.txt', bytes: utf8('b') })).rejects.toBeInstanceOf(
      JobCancelledError,
    );
  });
});
