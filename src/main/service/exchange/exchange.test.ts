// Export and import through the service, as the app and the CLI call them: a workspace's own native and
// JSONL exports reproduce it in an empty workspace, a colleague's package comes in as their layer and again
// without duplicates, changed texts re-anchor, malformed files import nothing, and a cancelled export writes
// nothing.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportResult, ImportAnnotationsReport, ImportReport, WorkspaceView } from '@shared/api';
import { unzipSync, strFromU8, strToU8, zipSync } from 'fflate';
import type { AnnotatorId, DocId, DocumentRecord } from '@shared/model';
import { openWorkspace } from '../../store/workspace-store';
import { createDispatcher } from '../dispatch';
import { loadDefaultLabelSchema } from '../open-workbench';
import { base64, tempWorkbench, valueOf } from '../test-support';
import { createWorkbench } from '../workbench';

type Bench = Awaited<ReturnType<typeof tempWorkbench>>;
const benches: Bench[] = [];
afterEach(async () => {
  await Promise.all(benches.splice(0).map((b) => b.cleanup()));
});
async function bench(): Promise<Bench> {
  const wb = await tempWorkbench();
  benches.push(wb);
  return wb;
}

const TEXTS = {
  'syria.txt':
    '\uFEFFDamascus insists that Turkey withdraw its forces 🇹🇷 as a precondition for a meeting.\r\nIt was said twice.\r\n',
  'arabic.txt': 'قال الوزير إن الجيش سيبقى 👩‍👩‍👧 في الشمال. Erdogan agreed.\n',
};

const at = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}"`);
  return { start, end: start + quote.length };
};

/** A workspace with two documents, the analyst's layer (relations, notes, attributes), a colleague's and gold. */
async function richWorkspace(): Promise<{ wb: Bench; docs: DocumentRecord[] }> {
  const wb = await bench();
  valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
  const report = valueOf<ImportReport>(
    await wb.dispatch('documents:import', {
      files: Object.entries(TEXTS).map(([name, text]) => ({ name, dataBase64: base64(text) })),
    }),
  );
  const [syria, arabic] = await Promise.all(report.imported.map((d) => wb.store.readDocument(d.id as DocId)));
  const s = syria!.text;
  valueOf(
    await wb.dispatch('annotations:apply', {
      docId: syria!.id,
      layer: 'dana',
      ops: [
        {
          kind: 'add-span',
          span: { id: 'a1', label: 'actor', ...at(s, 'Damascus'), note: 'the government' },
        },
        {
          kind: 'add-span',
          span: {
            id: 'c1',
            label: 'claim',
            ...at(s, 'Turkey withdraw its forces 🇹🇷 as a precondition'),
            attributes: { speech_act: 'demand' },
          },
        },
        {
          kind: 'add-span',
          span: { id: 'k1', label: 'condition', ...at(s, 'as a precondition for a meeting') },
        },
        { kind: 'add-relation', relation: { id: 'r1', type: 'says', from: 'a1', to: 'c1' } },
        { kind: 'add-relation', relation: { id: 'r2', type: 'conditions', from: 'k1', to: 'c1' } },
      ],
    }),
  );
  valueOf(
    await wb.dispatch('annotations:apply', {
      docId: arabic!.id,
      layer: 'dana',
      ops: [{ kind: 'add-span', span: { id: 'a2', label: 'actor', ...at(arabic!.text, 'الوزير') } }],
    }),
  );
  await wb.store.updateWorkspace((ws) => {
    ws.annotators.push({ id: 'lee' as AnnotatorId, name: 'Lee' });
  });
  await wb.store.updateDocument(syria!.id, (draft) => {
    const damascus = draft.layers['dana']!.spans.find((x) => x.id === 'a1')!;
    draft.layers['lee'] = {
      spans: [{ ...damascus, id: 'l1' as never, createdBy: 'lee' as AnnotatorId, note: '' }],
      relations: [],
    };
    draft.layers['gold'] = {
      spans: [
        {
          ...damascus,
          id: 'g1' as never,
          provenance: {
            sources: [
              { layer: 'dana' as AnnotatorId, id: 'a1' },
              { layer: 'lee' as AnnotatorId, id: 'l1' },
            ],
            decision: 'merged',
            decidedBy: 'dana' as AnnotatorId,
            decidedAt: damascus.createdAt,
            reason: 'both agree',
          },
        },
      ],
      relations: [],
    };
    draft.comments.push({
      id: 'm1' as never,
      target: { layer: 'lee' as AnnotatorId, kind: 'span', id: 'l1' },
      author: 'dana' as AnnotatorId,
      at: damascus.createdAt,
      text: 'Is this the state or the city?',
    });
    draft.status['lee'] = 'done';
  });
  const docs = await Promise.all(report.imported.map((d) => wb.store.readDocument(d.id as DocId)));
  return { wb, docs };
}

function exportRequest(format: string, extra: Record<string, unknown> = {}) {
  return {
    format,
    layers: [],
    labels: [],
    documents: { kind: 'all' },
    destination: 'download',
    taskId: `t-${format}-0001`,
    ...extra,
  };
}

async function exportBytes(wb: Bench, format: string, extra: Record<string, unknown> = {}) {
  const result = valueOf<ExportResult>(await wb.dispatch('export:run', exportRequest(format, extra)));
  return { result, bytes: Buffer.from(result.dataBase64!, 'base64') };
}

const importRequest = (format: string, layer: string, files: { name: string; bytes: Uint8Array }[]) => ({
  format,
  layer,
  files: files.map((f) => ({ name: f.name, dataBase64: Buffer.from(f.bytes).toString('base64') })),
});

/** A document as it should survive a round trip: everything but the revision counter. */
const comparable = ({ revision: _revision, ...doc }: DocumentRecord) => doc;

describe('a workspace’s own exports', () => {
  it('reproduce it exactly in an empty workspace (native package)', async () => {
    const { wb, docs } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'native');
    const empty = await bench();
    const report = valueOf<ImportAnnotationsReport>(
      await empty.dispatch(
        'import:commit',
        importRequest('native', 'dana', [{ name: 'package.json', bytes }]),
      ),
    );
    expect(report.totals.unplaced).toBe(0);
    for (const doc of docs)
      expect(comparable(await empty.store.readDocument(doc.id))).toEqual(comparable(doc));
    expect(empty.store.workspace().labelSchema).toEqual(wb.store.workspace().labelSchema);
    expect(empty.store.workspace().annotators).toEqual(wb.store.workspace().annotators);
    const again = await exportBytes(empty, 'native');
    const strip = (b: Buffer) => ({
      ...(JSON.parse(b.toString()) as object),
      exportedAt: '',
      exportedBy: '',
    });
    expect(strip(again.bytes)).toEqual(strip(bytes));
  });

  it('reproduce what JSONL holds in an empty workspace, byte for byte on a second export', async () => {
    const { wb, docs } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'jsonl');
    const empty = await bench();
    valueOf(
      await empty.dispatch(
        'import:commit',
        importRequest('jsonl', 'dana', [{ name: 'corpus.jsonl', bytes }]),
      ),
    );
    for (const doc of docs) {
      const copy = await empty.store.readDocument(doc.id);
      expect(copy.text).toBe(doc.text);
      for (const [layer, content] of Object.entries(doc.layers)) {
        const kept = (l: typeof content) => ({
          spans: l.spans.map(({ id, label, start, end, quote, note, attributes }) => ({
            id,
            label,
            start,
            end,
            quote,
            note,
            attributes,
          })),
          relations: l.relations.map(({ id, type, from, to, note }) => ({ id, type, from, to, note })),
        });
        expect(kept(copy.layers[layer]!)).toEqual(kept(content));
      }
    }
    expect((await exportBytes(empty, 'jsonl')).bytes.equals(bytes)).toBe(true);
  });
});

describe('a colleague’s package', () => {
  async function bratOfLee() {
    const { wb } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'brat', { layers: ['dana'] });
    return unzipSync(bytes);
  }

  it('comes in as their layer, with an analyst of that name, and again without duplicates', async () => {
    const files = await bratOfLee();
    const target = await bench();
    const entries = Object.entries(files).map(([name, content]) => ({ name, bytes: content }));
    const first = valueOf<ImportAnnotationsReport>(
      await target.dispatch('import:commit', importRequest('brat', 'Sam', entries)),
    );
    expect(first.layers).toEqual(['sam']);
    expect(first.totals).toMatchObject({ added: 4, removed: 0 });
    expect(target.store.workspace().annotators).toContainEqual({ id: 'sam', name: 'Sam' });
    const second = valueOf<ImportAnnotationsReport>(
      await target.dispatch('import:commit', importRequest('brat', 'Sam', entries)),
    );
    expect(second.totals).toEqual({ added: 0, removed: 0, relabelled: 0, updated: 0, unplaced: 0 });
    const docs = await Promise.all(
      target.store.documents().map((d) => target.store.readDocument(d.id as DocId)),
    );
    expect(docs.flatMap((d) => d.layers['sam']?.spans ?? [])).toHaveLength(4);
  });

  it('says what changed when it comes again: added, removed and relabelled', async () => {
    const files = await bratOfLee();
    const target = await bench();
    const entries = () => Object.entries(files).map(([name, content]) => ({ name, bytes: content }));
    valueOf(await target.dispatch('import:commit', importRequest('brat', 'Sam', entries())));
    const annName = Object.keys(files).find(
      (n) => n.endsWith('.ann') && strFromU8(files[n]!).includes('Damascus'),
    )!;
    const lines = strFromU8(files[annName]!).split('\n');
    const edited = lines
      .filter(
        (line) =>
          !line.includes('as a precondition for a meeting') && !/^R\d/.test(line) && !line.startsWith('#'),
      )
      .map((line) => (line.includes('\tDamascus') ? line.replace('actor', 'claim') : line));
    const text = TEXTS['syria.txt'].replace('\uFEFF', '').replace(/\r\n/g, '\n');
    const said = [...text.slice(0, text.indexOf('said'))].length; // brat counts code points
    edited.push(`T99\tactor ${said} ${said + 4}\tsaid`);
    files[annName] = strToU8(edited.join('\n'));
    const report = valueOf<ImportAnnotationsReport>(
      await target.dispatch('import:preview', importRequest('brat', 'Sam', entries())),
    );
    expect(report.totals).toMatchObject({ added: 1, removed: 1, relabelled: 1 });
    expect(report.preview).toBe(true);
  });
});

describe('importing', () => {
  it('re-anchors spans on a changed text and reports a span it cannot place', async () => {
    const { wb, docs } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'jsonl', { layers: ['dana'] });
    const lines = bytes
      .toString()
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            id: string;
            text: string;
            spans: { text: string; start: number; end: number }[];
          },
      );
    const syria = lines.find((l) => l.id === docs[0]!.id)!;
    // The colleague's copy has an extra sentence first and says "Syria" where ours says "Damascus".
    syria.text = `Breaking news. ${syria.text.replace('Damascus', 'Syria')}`;
    const codePoints = (text: string) => [...text].length;
    for (const span of syria.spans) {
      if (span.text === 'Damascus') span.text = 'Syria';
      span.start = codePoints(syria.text.slice(0, syria.text.indexOf(span.text)));
      span.end = span.start + codePoints(span.text);
    }
    const file = strToU8(`${JSON.stringify(syria)}\n`);
    const report = valueOf<ImportAnnotationsReport>(
      await wb.dispatch(
        'import:preview',
        importRequest('jsonl', 'Ren', [{ name: 'ren.jsonl', bytes: file }]),
      ),
    );
    const doc = report.documents[0]!;
    expect(doc.match).toBe('reanchored');
    expect(doc.unplaced.map((u) => u.quote)).toEqual(['Syria']);
    expect(doc.spans).toBe(2);
  });

  it('imports nothing from a file with an error, and names the file and line', async () => {
    const { wb } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'doccano');
    const lines = bytes.toString().split('\n');
    lines[1] = '{"text": "broken';
    const before = wb.store.documents().map((d) => d.revision);
    const result = await wb.dispatch(
      'import:commit',
      importRequest('doccano', 'Ren', [{ name: 'ren.jsonl', bytes: strToU8(lines.join('\n')) }]),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'import-rejected' } });
    if (!result.ok) expect(result.error.message).toMatch(/ren\.jsonl, line 2/);
    expect(wb.store.documents().map((d) => d.revision)).toEqual(before);
    expect(wb.store.workspace().annotators.map((a) => a.id)).not.toContain('ren');
  });

  it('adds labels the schema lacks and says so', async () => {
    const wb = await bench();
    const file = strToU8(
      `${JSON.stringify({ text: 'Ankara and Moscow met.', entities: [{ id: 1, label: 'PLACE', start_offset: 0, end_offset: 6 }], relations: [] })}\n`,
    );
    const report = valueOf<ImportAnnotationsReport>(
      await wb.dispatch('import:commit', importRequest('doccano', 'Ren', [{ name: 'x.jsonl', bytes: file }])),
    );
    expect(report.schemaAdditions).toEqual(['label "PLACE"']);
    expect(wb.store.workspace().labelSchema.labels.map((l) => l.id)).toContain('PLACE');
  });

  it('refuses a label that cannot be an id, naming the file and line, before anything is written', async () => {
    const wb = await bench();
    const ok = { text: 'Ankara met.', entities: [{ id: 1, label: 'PLACE', start_offset: 0, end_offset: 6 }] };
    const bad = {
      text: 'Moscow met.',
      entities: [{ id: 1, label: 'Named Entity', start_offset: 0, end_offset: 6 }],
    };
    const file = strToU8(`${JSON.stringify(ok)}\n${JSON.stringify(bad)}\n`);
    for (const method of ['import:preview', 'import:commit']) {
      const result = await wb.dispatch(
        method,
        importRequest('doccano', 'Ren', [{ name: 'x.jsonl', bytes: file }]),
      );
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'import-rejected', details: { file: 'x.jsonl', line: 2 } },
      });
      if (!result.ok) expect(result.error.message).toMatch(/^x\.jsonl, line 2: the label "Named Entity"/);
    }
    expect(wb.store.workspace().annotators).toEqual([]);
    expect(wb.store.documents()).toEqual([]);
  });

  it('names the file a worker could not read at all', async () => {
    const wb = await bench();
    const deep = strToU8(`{"schemaVersion":1,"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const result = await wb.dispatch(
      'import:preview',
      importRequest('native', 'Ren', [{ name: 'deep.json', bytes: deep }]),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import-rejected', details: { file: 'deep.json' } },
    });
    if (!result.ok) expect(result.error.message).toMatch(/^deep\.json/);
  });

  it('brings a colleague’s comment threads into the layer their package goes to', async () => {
    const { wb } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'native', { layers: ['lee'] });
    const empty = await bench();
    valueOf(await empty.dispatch('annotator:set-local', { name: 'Dana' }));
    const request = importRequest('native', 'Ren', [{ name: 'lee.json', bytes: new Uint8Array(bytes) }]);
    const report = valueOf<ImportAnnotationsReport>(await empty.dispatch('import:commit', request));
    const doc = await empty.store.readDocument(report.documents[0]!.docId as DocId);
    expect(doc.comments.map((c) => [c.target.layer, c.text])).toEqual([
      ['ren', 'Is this the state or the city?'],
    ]);
  });

  it('reads a zipped package of several files', async () => {
    const { wb } = await richWorkspace();
    const { bytes } = await exportBytes(wb, 'jsonl');
    const zipped = zipSync({ 'corpus.jsonl': new Uint8Array(bytes) });
    const empty = await bench();
    const report = valueOf<ImportAnnotationsReport>(
      await empty.dispatch(
        'import:preview',
        importRequest('jsonl', 'dana', [{ name: 'pkg.zip', bytes: zipped }]),
      ),
    );
    expect(report.documents.length).toBeGreaterThan(0);
    expect(empty.store.documents()).toEqual([]);
  });
});

describe('exporting', () => {
  it('keeps only the chosen labels and says how many relations that cut', async () => {
    const { wb } = await richWorkspace();
    const { result } = await exportBytes(wb, 'jsonl', { labels: ['actor', 'claim'], layers: ['dana'] });
    expect(result.spans).toBe(3);
    expect(result.relations).toBe(1);
    expect(result.warnings.map((w) => w.message)).toContain(
      "1 relation(s) left out: an end's label was not exported",
    );
  });

  it('chooses documents by an analyst’s status', async () => {
    const { wb, docs } = await richWorkspace();
    const { result } = await exportBytes(wb, 'native', {
      layers: ['lee'],
      documents: { kind: 'status', statuses: ['done'] },
    });
    expect(result.documents).toBe(1);
    expect(result.fileName).toContain('native');
    expect(docs).toHaveLength(2);
  });

  it('writes nothing when it is cancelled', async () => {
    const { wb } = await richWorkspace();
    const dir = await mkdtemp(join(tmpdir(), 'tagwright-export-'));
    const target = join(dir, 'out.zip');
    const store = await openWorkspace(wb.store.dir, { owner: 'cli', readOnly: true });
    const dispatch = createDispatcher(createWorkbench(store, { chooseSavePath: async () => target }));
    const running = dispatch('export:run', {
      ...exportRequest('brat'),
      destination: 'save-dialog',
      taskId: 'cancel-me-1',
    });
    await dispatch('task:cancel', { taskId: 'cancel-me-1' });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(existsSync(target)).toBe(false);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to export a document that does not exist', async () => {
    const { wb } = await richWorkspace();
    const result = await wb.dispatch(
      'export:run',
      exportRequest('jsonl', { documents: { kind: 'ids', ids: ['dnope'] } }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(loadDefaultLabelSchema().labels.length).toBeGreaterThan(0);
  });
});
