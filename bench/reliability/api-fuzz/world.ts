// The workspace the contract fuzzer attacks (bench/reliability, Node only): an analyst (named "Constructor" in
// every other batch), three documents, the analyst's spans and relation, a colleague's layer brought in by an
// annotated import, a gold span, a comment thread, prototype-keyed layers and statuses planted in one file, and
// an export of the workspace in every importable format, so generated imports start from files that parse.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importableFormats } from '@shared/formats/annotations';
import type { ExportResult, ImportReport, WorkspaceView } from '@shared/api';
import type { Comment } from '@shared/model';
import type { OpenWorkbench } from '../../../src/main/service/open-workbench';
import { must, openApp } from '../lib/app';
import { freshDir, type CampaignOptions } from '../lib/campaign';

const TEXT = 'Erdogan said 👩‍👩‍👧 the border stays closed.\nقال الوزير إن الجيش سيبقى. 🇹🇷 End.';
const CLAIM = TEXT.indexOf('the border stays closed');
const EMPTY_LAYER = '{"spans":[],"relations":[]}';

/** A file the workspace exported, for imports to start from. */
export interface ExportedFile {
  format: string;
  name: string;
  dataBase64: string;
}

export interface FuzzWorld {
  docIds: string[];
  layer: string;
  /** Every layer of the first document: the analyst's, the colleague's, gold, and prototype keys. */
  layers: string[];
  spanIds: string[];
  commentIds: string[];
  textLength: number;
  /** Offsets that fall between the halves of a surrogate pair. */
  insidePairs: number[];
  exports: ExportedFile[];
}

/** Layers and statuses keyed "__proto__" and "constructor" in a document file, as a colleague's package could bring. */
async function plantPrototypeKeys(dir: string, docId: string): Promise<void> {
  const path = join(dir, 'documents', `${docId}.json`);
  const raw = await readFile(path, 'utf8');
  const planted = raw
    .replace('"layers":{', `"layers":{"__proto__":${EMPTY_LAYER},"constructor":${EMPTY_LAYER},`)
    .replace('"status":{', '"status":{"__proto__":"done","constructor":"skipped",');
  await writeFile(path, planted.replaceAll(',}', '}'));
}

/** The planted prototype-keyed layers and statuses belong to colleagues: nothing the fuzzer sends may drop them. */
export async function plantedKeysSurvive(dir: string, docId: string): Promise<string[]> {
  const raw = JSON.parse(await readFile(join(dir, 'documents', `${docId}.json`), 'utf8')) as Record<
    string,
    object
  >;
  const missing: string[] = [];
  for (const field of ['layers', 'status']) {
    for (const key of ['__proto__', 'constructor']) {
      if (!Object.hasOwn(raw[field] ?? {}, key)) missing.push(`${field}.${key}`);
    }
  }
  return missing;
}

/** A colleague's doccano line over the first text: their layer arrives as an import would bring it. */
function colleagueImport(): { format: string; layer: string; files: { name: string; dataBase64: string }[] } {
  const line = {
    text: TEXT,
    entities: [{ id: 1, label: 'actor', start_offset: 0, end_offset: 7 }],
    relations: [],
  };
  const dataBase64 = Buffer.from(JSON.stringify(line)).toString('base64');
  return { format: 'doccano', layer: 'Colleague', files: [{ name: 'colleague.jsonl', dataBase64 }] };
}

/**
 * The analyst's spans and relation, a gold span, a colleague's layer, and a thread on the analyst's claim: one
 * comment by the analyst, one by the colleague (which the analyst cannot remove, so it stays for the rest of
 * the batch whatever is done to the claim).
 */
async function annotate(wb: OpenWorkbench, docId: string, layer: string): Promise<Comment[]> {
  const ops = [
    { kind: 'add-span', span: { id: 's1', label: 'actor', start: 0, end: 7 } },
    { kind: 'add-span', span: { id: 's2', label: 'claim', start: CLAIM, end: CLAIM + 23 } },
    { kind: 'add-relation', relation: { id: 'r1', type: 'says', from: 's1', to: 's2' } },
  ];
  await must(wb, 'annotations:apply', { docId, layer, ops });
  const gold = [{ kind: 'add-span', span: { id: 'g1', label: 'actor', start: 0, end: 7 } }];
  await must(wb, 'annotations:apply', { docId, layer: 'gold', ops: gold });
  await must(wb, 'import:commit', colleagueImport());
  const target = { layer, kind: 'span', id: 's2' };
  await must(wb, 'annotator:set-local', { annotatorId: 'colleague' });
  await must(wb, 'comments:add', { docId, target, text: 'The colleague asks: whose claim?' });
  await must(wb, 'annotator:set-local', { annotatorId: layer });
  return must<Comment[]>(wb, 'comments:add', { docId, target, text: 'Is this the envoy’s claim?' });
}

async function exportsOf(wb: OpenWorkbench): Promise<ExportedFile[]> {
  const exports: ExportedFile[] = [];
  for (const format of importableFormats) {
    const result = await must<ExportResult>(wb, 'export:run', {
      format,
      layers: [],
      labels: [],
      documents: { kind: 'all' },
      destination: 'download',
      taskId: `world-export-${format}`,
    });
    exports.push({ format, name: result.fileName, dataBase64: result.dataBase64 ?? '' });
  }
  return exports;
}

/** Offsets of `text` that fall between the halves of a surrogate pair. */
function insidePairs(text: string): number[] {
  const at: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) at.push(i);
  }
  return at;
}

/** A fresh workspace for one batch of the fuzzer; `planted` is the document holding prototype keys. */
export async function makeWorld(
  options: CampaignOptions,
  batch: number,
): Promise<{ dir: string; world: FuzzWorld; planted: string }> {
  const dir = await freshDir(options, 'fuzz');
  const wb = await openApp(dir);
  let world: FuzzWorld;
  try {
    const name = batch % 2 === 0 ? 'Constructor' : 'Fuzz Analyst';
    const view = await must<WorkspaceView>(wb, 'annotator:set-local', { name });
    const layer = view.localAnnotator?.id ?? '';
    const files = [TEXT, 'Second document.', 'Third document, with planted keys.'].map((text, i) => ({
      name: `d${i}.txt`,
      dataBase64: Buffer.from(text).toString('base64'),
    }));
    const imported = await must<ImportReport>(wb, 'documents:import', { files });
    const docIds = imported.imported.map((s) => s.id as string);
    const comments = await annotate(wb, docIds[0] ?? '', layer);
    world = {
      docIds: [...docIds, 'missing'],
      layer,
      layers: [layer, 'colleague', 'gold', '__proto__', 'constructor'],
      spanIds: ['s1', 's2', 'r1', 'g1', '1'],
      commentIds: comments.map((c) => c.id as string),
      textLength: TEXT.length,
      insidePairs: insidePairs(TEXT),
      exports: await exportsOf(wb),
    };
  } finally {
    await wb.close();
  }
  const planted = world.docIds[2] ?? '';
  await plantPrototypeKeys(dir, planted);
  // Opened once more, so the planted file is read (and judged) before the fuzzing starts.
  await (await openApp(dir)).close();
  return { dir, world, planted };
}
