// Workspaces built once per benchmark run and shared by suites (bench/, Node only): a corpus of 1,000
// documents holding 1,000 spans each (1,000,000 spans; `--quick`: 50 documents of 50), and the lone 5 KB
// sample, both with the local analyst named. Built in-process through the real dispatcher, closed, then
// opened again by whichever suite needs them (in-process, or by the browser-mode host).
import { rm } from 'node:fs/promises';
import type { DocId } from '@shared/model';
import { toJsonl, type ShortArticle } from './corpus';
import { generateTaggedArticle, type TaggedArticle } from './scales';
import { addSpanOps, importText, setAnalyst, tempWorkbench } from './workbench';

export interface CorpusShape {
  documents: number;
  spansPerDocument: number;
  bytesPerDocument: number;
}

export const FULL_CORPUS: CorpusShape = {
  documents: 1000,
  spansPerDocument: 1000,
  bytesPerDocument: 40 * 1024,
};
export const QUICK_CORPUS: CorpusShape = { documents: 50, spansPerDocument: 50, bytesPerDocument: 5 * 1024 };

export interface FixtureWorkspace {
  dir: string;
  documents: number;
  spans: number;
  /** Seconds it took to build (import and tag), for the notes. */
  buildSeconds: number;
}

const built = new Map<string, Promise<FixtureWorkspace>>();

/** Deletes every fixture workspace of this run (run.ts calls it at the end). */
export async function removeFixtureWorkspaces(): Promise<void> {
  const all = await Promise.allSettled(built.values());
  built.clear();
  for (const result of all) {
    if (result.status === 'fulfilled') await rm(result.value.dir, { recursive: true, force: true });
  }
}

/** The corpus workspace of `shape` (built on first use in this run). */
export function corpusWorkspace(shape: CorpusShape): Promise<FixtureWorkspace> {
  const key = `corpus/${shape.documents}/${shape.spansPerDocument}/${shape.bytesPerDocument}`;
  let workspace = built.get(key);
  if (workspace === undefined) built.set(key, (workspace = buildCorpus(shape)));
  return workspace;
}

/** The sample article alone in its workspace (the baseline of a corpus). */
export function sampleWorkspace(): Promise<FixtureWorkspace> {
  let workspace = built.get('sample');
  if (workspace === undefined) built.set('sample', (workspace = buildSample()));
  return workspace;
}

async function buildSample(): Promise<FixtureWorkspace> {
  const start = performance.now();
  const wb = await tempWorkbench(true);
  await setAnalyst(wb);
  await wb.close();
  return { dir: wb.dir, documents: 1, spans: 0, buildSeconds: (performance.now() - start) / 1000 };
}

const IMPORT_BATCH = 100;

async function buildCorpus(shape: CorpusShape): Promise<FixtureWorkspace> {
  const start = performance.now();
  const wb = await tempWorkbench(false);
  try {
    const layer = await setAnalyst(wb);
    for (let first = 0; first < shape.documents; first += IMPORT_BATCH) {
      const batch: { article: ShortArticle; spans: TaggedArticle['spans'] }[] = [];
      for (let n = first; n < Math.min(shape.documents, first + IMPORT_BATCH); n++) {
        const scale = {
          name: '',
          bytes: shape.bytesPerDocument,
          spans: shape.spansPerDocument,
          seed: 100 + n,
        };
        const { text, spans } = generateTaggedArticle(scale);
        const article = {
          id: `c${n + 1}`,
          title: `Corpus report ${n + 1}`,
          text,
          meta: { outlet: 'Wire', date: '2024-01-01' },
        };
        batch.push({ article, spans });
      }
      const report = await importText(wb, `corpus-${first}.jsonl`, toJsonl(batch.map((b) => b.article)));
      if (report.imported.length !== batch.length)
        throw new Error(`corpus batch ${first}: ${JSON.stringify(report.rejected)}`);
      for (const [i, summary] of report.imported.entries()) {
        const { article, spans } = batch[i]!;
        if (summary.title !== article.title)
          throw new Error(`"${article.title}" was imported as "${summary.title}"`);
        const ops = addSpanOps(spans);
        await wb.call('annotations:apply', { docId: summary.id as DocId, layer, ops });
      }
    }
  } finally {
    await wb.close();
  }
  const spans = shape.documents * shape.spansPerDocument;
  return { dir: wb.dir, documents: shape.documents, spans, buildSeconds: (performance.now() - start) / 1000 };
}
