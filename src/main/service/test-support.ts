// Test helpers for the service layer (src/main): a fresh workspace in a temp folder with the real store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportReport, Result, WorkspaceView } from '@shared/api';
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

/** Dana's texts, imported, with Dana named as the local analyst; `ops` are applied to her layer of each. */
export async function taggedWorkspace(
  wb: OpenWorkbench,
  texts: readonly { name: string; text: string; ops?: (text: string) => unknown[] }[],
): Promise<{ layer: string; docIds: string[] }> {
  const view = valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
  const layer = view.localAnnotator!.id;
  const docIds: string[] = [];
  for (const { name, text, ops } of texts) {
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', { files: [{ name, dataBase64: base64(text) }] }),
    );
    const docId = report.imported[0]!.id;
    docIds.push(docId);
    if (ops !== undefined) valueOf(await wb.dispatch('annotations:apply', { docId, layer, ops: ops(text) }));
  }
  return { layer, docIds };
}

/** Ops that tag each quote (its first occurrence) with its label, as spans `s0`, `s1`, … */
export function tagOps(text: string, tags: readonly (readonly [quote: string, label: string])[]): unknown[] {
  return tags.map(([quote, label], i) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the text`);
    return { kind: 'add-span', span: { id: `s${i}`, label, start, end: start + quote.length } };
  });
}

export const linkOp = (id: string, type: string, from: string, to: string) => ({
  kind: 'add-relation',
  relation: { id, type, from, to },
});
