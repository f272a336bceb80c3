// Where the worker thread's code is (src/main/workers). Built, it is out/main/worker.js, beside the entry that
// started it or one folder up from a shared chunk (out/main/chunks/); from source (tests, tsx) it is
// worker.ts, started through tsx's loader so it can import TypeScript and the @shared alias.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerScript {
  /** A file URL, or the code of a bootstrap to run with `eval: true`. */
  script: URL | string;
  options: WorkerOptions;
}

export function workerScript(): WorkerScript {
  for (const relative of ['./worker.js', '../worker.js']) {
    const built = new URL(relative, import.meta.url);
    if (existsSync(fileURLToPath(built))) return { script: built, options: {} };
  }
  const source = new URL('./worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) {
    throw new Error(
      `The worker thread's code is missing: no worker.js next to ${fileURLToPath(import.meta.url)}`,
    );
  }
  return { script: tsxBootstrap(source), options: { eval: true } };
}

/** Registers tsx in the worker (loader flags are not inherited by workers on Node 20), then loads `source`. */
function tsxBootstrap(source: URL): string {
  const tsxApiSpecifier = 'tsx/esm/api';
  const tsxApi = import.meta.resolve(tsxApiSpecifier);
  const tsconfig = fileURLToPath(new URL('../../../tsconfig.main.json', import.meta.url));
  return (
    `import(${JSON.stringify(tsxApi)}).then(({ register }) => {` +
    ` register({ tsconfig: ${JSON.stringify(tsconfig)} });` +
    ` return import(${JSON.stringify(pathToFileURL(fileURLToPath(source)).href)}); })`
  );
}
