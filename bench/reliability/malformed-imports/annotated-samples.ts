// Valid annotated files to attack (bench/reliability, Node only): a source workspace is tagged through the real
// service (articles with emoji and Arabic, actors, claims, nested conditions, `says` relations, a comment) and
// exported in every importable format, as a colleague would send them. brat comes as the exported zip and as
// the loose .ann/.txt pairs of one layer folder with annotation.conf, the way an unzipped package is picked.
import { unzipSync } from 'fflate';
import type { ExportResult, ImportReport, WorkspaceView } from '@shared/api';
import { importableFormats, type ImportableFormat } from '@shared/formats/annotations';
import { generateArticle } from '../../lib/corpus';
import type { OpenWorkbench } from '../../../src/main/service/open-workbench';
import { must, openApp } from '../lib/app';
import { freshDir, type CampaignOptions } from '../lib/campaign';

export interface RequestFile {
  name: string;
  bytes: Buffer;
}

/** One valid import request of a format: its files. */
export interface AnnotatedSample {
  format: ImportableFormat;
  /** How the sample came: "export" (the file as exported) or "pairs" (brat's loose files). */
  shape: 'export' | 'pairs';
  files: RequestFile[];
}

/** Tags every generated sentence of `text` (actor, claim, nested condition, actor says claim). */
async function tagArticle(
  wb: OpenWorkbench,
  docId: string,
  layer: string,
  sentences: ReturnType<typeof generateArticle>['sentences'],
): Promise<void> {
  const ops: unknown[] = [];
  for (const [i, sentence] of sentences.slice(0, 40).entries()) {
    // Generated spans have no ids of their own: each is named by its sentence and label.
    for (const span of sentence) ops.push({ kind: 'add-span', span: { ...span, id: `${span.label}-${i}` } });
    const labels = new Set(sentence.map((s) => s.label));
    if (labels.has('actor') && labels.has('claim')) {
      const relation = { id: `r-${i}`, type: 'says', from: `actor-${i}`, to: `claim-${i}` };
      ops.push({ kind: 'add-relation', relation });
    }
  }
  for (let from = 0; from < ops.length; from += 200)
    await must(wb, 'annotations:apply', { docId, layer, ops: ops.slice(from, from + 200) });
}

async function exportAll(wb: OpenWorkbench): Promise<AnnotatedSample[]> {
  const samples: AnnotatedSample[] = [];
  for (const format of importableFormats) {
    const result = await must<ExportResult>(wb, 'export:run', {
      ...{ format, layers: [], labels: [], documents: { kind: 'all' } },
      ...{ destination: 'download', taskId: `source-export-${format}` },
    });
    const bytes = Buffer.from(result.dataBase64 ?? '', 'base64');
    samples.push({ format, shape: 'export', files: [{ name: result.fileName, bytes }] });
    if (format === 'brat') samples.push({ format, shape: 'pairs', files: loosePairs(bytes) });
  }
  return samples;
}

/** The .txt/.ann pairs of the first layer folder of a brat zip, with annotation.conf. */
function loosePairs(zip: Buffer): RequestFile[] {
  const entries = Object.entries(unzipSync(zip)).map(([name, bytes]) => ({
    name,
    bytes: Buffer.from(bytes),
  }));
  const folder = entries.find((e) => e.name.endsWith('.ann'))?.name.split('/')[0] ?? '';
  return entries.filter((e) => e.name === 'annotation.conf' || e.name.startsWith(`${folder}/`));
}

/**
 * Tags three generated articles (about 2.5, 6 and 14 KB, so exports pass 8 KiB) in a workspace of their own
 * and exports them in every importable format.
 */
export async function annotatedSamples(options: CampaignOptions): Promise<AnnotatedSample[]> {
  const dir = await freshDir(options, 'annotated-source');
  const wb = await openApp(dir);
  try {
    const view = await must<WorkspaceView>(wb, 'annotator:set-local', { name: 'Source Analyst' });
    const layer = view.localAnnotator?.id ?? '';
    const articles = [2_500, 6_000, 14_000].map((bytes, i) => generateArticle(bytes, options.seed + 40 + i));
    const files = articles.map((article, i) => ({
      name: `source-${i}.txt`,
      dataBase64: Buffer.from(article.text).toString('base64'),
    }));
    const imported = await must<ImportReport>(wb, 'documents:import', { files });
    for (const [i, summary] of imported.imported.entries())
      await tagArticle(wb, summary.id, layer, articles[i]?.sentences ?? []);
    const first = imported.imported[0]?.id ?? '';
    const target = { layer, kind: 'span', id: `${articles[0]?.sentences[0]?.[0]?.label}-0` };
    await must(wb, 'comments:add', { docId: first, target, text: 'Is this the right actor?' });
    return await exportAll(wb);
  } finally {
    await wb.close();
  }
}
