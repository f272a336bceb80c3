// An in-process workbench on a temp folder for the store and import benchmarks (bench/, Node only): the real
// service and store (`openWorkbench`), called through the same validating dispatcher the hosts use.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ApplyResult,
  ImportReport,
  MethodName,
  RequestOf,
  ResponseOf,
  WorkspaceView,
} from '@shared/api';
import type { DocId } from '@shared/model';
import { openWorkbench, type OpenWorkbench } from '../../src/main/service/open-workbench';
import type { BenchSpan, TagTarget } from './corpus';

export interface BenchWorkbench extends OpenWorkbench {
  dir: string;
  call<M extends MethodName>(method: M, payload: RequestOf<M>): Promise<ResponseOf<M>>;
  cleanup(): Promise<void>;
}

function wrap(dir: string, workbench: OpenWorkbench, cleanup: () => Promise<void>): BenchWorkbench {
  return {
    ...workbench,
    dir,
    async call(method, payload) {
      const result = await workbench.dispatch(method, payload);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<typeof method>;
    },
    cleanup,
  };
}

/** A fresh workspace in a temp folder; `cleanup` closes it and deletes the folder. */
export async function tempWorkbench(withSample: boolean): Promise<BenchWorkbench> {
  const dir = await mkdtemp(join(tmpdir(), 'tagwright-bench-'));
  const workbench = await openWorkbench(dir, { owner: 'cli', withSample });
  return wrap(dir, workbench, async () => {
    await workbench.close();
    await rm(dir, { recursive: true, force: true });
  });
}

/** An existing workspace (a fixture of this run); `cleanup` only closes it. */
export async function existingWorkbench(dir: string): Promise<BenchWorkbench> {
  const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false });
  return wrap(dir, workbench, () => workbench.close());
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Names the local analyst (its layer id is the slug, 'bench') and returns that layer id. */
export async function setAnalyst(wb: BenchWorkbench, name = 'Bench'): Promise<string> {
  const view: WorkspaceView = await wb.call('annotator:set-local', { name });
  return view.localAnnotator!.id;
}

export async function importText(wb: BenchWorkbench, name: string, text: string): Promise<ImportReport> {
  return wb.call('documents:import', { files: [{ name, dataBase64: base64(text) }] });
}

export function addSpanOps(spans: readonly BenchSpan[]) {
  return spans.map((s) => ({
    kind: 'add-span' as const,
    span: { id: s.id, label: s.label, start: s.start, end: s.end },
  }));
}

/** Adds spans in requests of at most 5,000 operations (the contract's limit). */
export async function addSpans(
  wb: BenchWorkbench,
  docId: DocId,
  layer: string,
  spans: readonly BenchSpan[],
): Promise<void> {
  for (let i = 0; i < spans.length; i += 5000) {
    await wb.call('annotations:apply', { docId, layer, ops: addSpanOps(spans.slice(i, i + 5000)) });
  }
}

/** One tag as the renderer sends it: a single add-span. */
export function tagOnce(
  wb: BenchWorkbench,
  docId: DocId,
  layer: string,
  id: string,
  target: TagTarget,
): Promise<ApplyResult> {
  return wb.call('annotations:apply', {
    docId,
    layer,
    ops: [{ kind: 'add-span', span: { id, label: 'claim', start: target.start, end: target.end } }],
  });
}
