// Unit-test configuration: tests live next to the code as *.test.ts (the app's, and the reliability harness's).
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    // Preferences of tests never reach the real user's config folder.
    env: { TAGWRIGHT_CONFIG_DIR: join(tmpdir(), `tagwright-test-config-${process.pid}`) },
  },
});
