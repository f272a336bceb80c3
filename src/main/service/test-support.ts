// Test helpers for the service layer (src/main): a fresh workspace in a temp folder with the real store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '@shared/api';
import { openWorkbench, type OpenWorkbench } from './open-workbench';

export async function tempWorkbench(
  withSample = false,
): Promise<OpenWorkbench & { cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tagwright-service-'));
  const workbench = await openWorkbench(dir, { owner: 'cli', withSample });
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
