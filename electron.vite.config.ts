// Build configuration for the three Electron targets (main, preload, renderer).
// Main has three entries: `index` (Electron lifecycle), `host` (browser-mode host + CLI, no Electron), so
// machines without an Electron binary still run the same service, and `worker` (the job thread both use).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          host: resolve(import.meta.dirname, 'src/main/host.ts'),
          // The worker thread that parses imports (src/main/workers): out/main/worker.js, found by worker-script.ts.
          worker: resolve(import.meta.dirname, 'src/main/workers/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      minify: process.env.TAGWRIGHT_DEBUG_BUILD === undefined,
      // Loaded from disk (app:// or 127.0.0.1), so chunks cost no round trips worth counting; what the page
      // parses before its first frame does count, so the editor, side panel and dialogs are dynamic imports
      // (components/lazy-parts.ts) in chunks of their own.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        output: {
          // zod-setup must run before any chunk builds a schema (zod decides then whether to probe eval, which
          // the CSP reports): zod and its settings share the one chunk every schema-building chunk imports.
          manualChunks: (id: string) =>
            /[\\/]node_modules[\\/]zod[\\/]/.test(id) || id.endsWith('zod-setup.ts') ? 'zod' : undefined,
        },
      },
    },
  },
});
