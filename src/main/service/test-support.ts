// Test helpers for the service layer (src/main): a fresh workspace in a temp folder with the real store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '@shared/api';
import { JobRunner } from '../workers/job-runner';
import { openWorkbench, type OpenWorkbench, type OpenWorkbenchOptions } from './open-workbench';

/** One worker thread for every workbench of a test file: starting one from source takes a second or two. */
let sharedJobs: JobRunner | null = null;

export async function tempWorkbench(
  withSample = false,
  options: Omit<OpenWorkbenchOptions, 'owner' | 'withSample'> = {},
): Promise<OpenWorkbench & { cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tagwright-service-'));
  sharedJobs ??= new JobRunner();
  const workbench = await openWorkbench(dir, { jobs: sharedJobs, ...options, owner: 'cli', withSample });
  return {
    ...workbench,
    cleanup: async () => {
      await workbench.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Unwraps an ok result or fails the test with the error it carried. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
