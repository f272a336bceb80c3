// Unit-test configuration: tests live next to the code as *.test.ts (the app's, and the reliability harness's).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores, which on a 2-core CI machine is one: the suite
    // waits on child processes, worker threads and the disk often enough that two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Preferences of tests never reach the real user's config folder (one folder per worker process).
    setupFiles: ['src/test-support/vitest-setup.ts'],
  },
});
