// The contract fuzzer (bench/reliability, Node only): thousands of generated requests per method go through
// the real dispatcher and service on a real workspace, exactly as the IPC binding and the HTTP host pass them
// on. No request may end in an `internal` error or a throw, every answer must be serialisable, and the files
// must be sound afterwards. Some workspaces name their analyst "Constructor" and hold prototype-named layers.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { methodNames, type ImportReport, type MethodName, type WorkspaceView } from '@shared/api';
import type { OpenWorkbench } from '../../../src/main/service/open-workbench';
import { must, openApp } from '../lib/app';
import { freshDir, messageOf, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { inspectWorkspace, storeProblems } from '../lib/workspace-oracle';
import { payloadArbitrary, seedRequests, type FuzzWorld } from './hints';

const TEXT = 'Erdogan said 👩‍👩‍👧 the border stays closed.\nقال الوزير إن الجيش سيبقى. 🇹🇷 End.';
const CLAIM = TEXT.indexOf('the border stays closed');
const EMPTY_LAYER = '{"spans":[],"relations":[]}';

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
async function plantedKeysSurvive(dir: string, docId: string): Promise<string[]> {
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

/** A workspace with an analyst (named for `batch`), three documents, a few spans, and prototype keys planted. */
async function makeWorld(
  options: CampaignOptions,
  batch: number,
): Promise<{ dir: string; world: FuzzWorld; planted: string }> {
  const dir = await freshDir(options, 'fuzz');
  let wb = await openApp(dir);
  const view = (await must(wb, 'annotator:set-local', {
    name: batch % 2 === 0 ? 'Constructor' : 'Fuzz Analyst',
  })) as WorkspaceView;
  const layer = view.localAnnotator?.id ?? '';
  const files = [TEXT, 'Second document.', 'Third document, with planted keys.'].map((text, i) => ({
    name: `d${i}.txt`,
    dataBase64: Buffer.from(text).toString('base64'),
  }));
  const docIds = ((await must(wb, 'documents:import', { files })) as ImportReport).imported.map(
    (s) => s.id as string,
  );
  const ops = [
    { kind: 'add-span', span: { id: 's1', label: 'actor', start: 0, end: 7 } },
    { kind: 'add-span', span: { id: 's2', label: 'claim', start: CLAIM, end: CLAIM + 23 } },
    { kind: 'add-relation', relation: { id: 'r1', type: 'says', from: 's1', to: 's2' } },
  ];
  await must(wb, 'annotations:apply', { docId: docIds[0], layer, ops });
  await wb.close();
  await plantPrototypeKeys(dir, docIds[2] ?? '');
  wb = await openApp(dir);
  await wb.close();
  const insidePairs = [...TEXT].reduce<number[]>((at, char, i, all) => {
    const offset = all.slice(0, i).join('').length;
    if (char.length === 2) at.push(offset + 1);
    return at;
  }, []);
  return {
    dir,
    world: {
      docIds: [...docIds, 'missing'],
      layer,
      spanIds: ['s1', 's2', 'r1'],
      textLength: TEXT.length,
      insidePairs,
    },
    planted: docIds[2] ?? '',
  };
}

function judgeAnswer(
  tally: Tally,
  method: string,
  payload: unknown,
  answer: Awaited<ReturnType<OpenWorkbench['dispatch']>>,
): void {
  const shown = (): string => {
    try {
      return JSON.stringify(payload)?.slice(0, 200) ?? String(payload);
    } catch {
      return String(payload);
    }
  };
  if (answer.ok) tally.count('accepted');
  else if (answer.error.code === 'internal')
    tally.fail('unhandled', `${method} ${shown()}: ${answer.error.message}`, method);
  try {
    JSON.stringify(answer);
  } catch (error) {
    tally.fail('unhandled', `${method}: the answer cannot be sent back: ${messageOf(error)}`);
  }
}

/** Runs `perMethod` generated requests for every method of the contract, in batches on fresh workspaces. */
export async function fuzzContract(
  options: CampaignOptions,
  tally: Tally,
  perMethod: number,
  batchSize: number,
): Promise<void> {
  for (let batch = 0; batch * batchSize < perMethod; batch++) {
    const { dir, world, planted } = await makeWorld(options, batch);
    const wb = await openApp(dir);
    try {
      for (const method of methodNames as readonly MethodName[]) {
        const generated = fc.sample(payloadArbitrary(method, world), {
          numRuns: Math.min(batchSize, perMethod - batch * batchSize),
          seed: options.seed + batch,
        });
        const payloads = [...seedRequests(method, world), ...generated];
        for (const payload of payloads) {
          tally.count('requests');
          try {
            judgeAnswer(tally, method, payload, await wb.dispatch(method, payload));
          } catch (error) {
            tally.fail('crashed', `${method}: dispatch threw ${messageOf(error)}`);
          }
        }
      }
    } finally {
      await wb.close();
    }
    const inspection = await inspectWorkspace(dir, true);
    for (const problem of [...inspection.problems, ...(await storeProblems(dir))])
      tally.fail('invalidFiles', `batch ${batch}: ${problem}`, problem.replace(/^\S+: /, ''));
    for (const key of await plantedKeysSurvive(dir, planted)) {
      tally.fail('lost', `batch ${batch}: a colleague's ${key} in ${planted} is gone`);
    }
    options.log(`api fuzz: batch ${batch + 1} of ${Math.ceil(perMethod / batchSize)} done`);
  }
}
