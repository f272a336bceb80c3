// A child process for the store's crash tests (src/main, tests only), run as `node --import tsx store-child.ts`.
// `updates <dir>`: opens the workspace and keeps saving (whole-file updates and journalled annotation saves,
// with journals compacted every few entries), printing `ack <docId> <revision>` after each save resolved,
// until it is killed. `hold <dir> <staleMs>`: opens the workspace, prints `ready`, and waits.
import type { AnnotationOp, AnnotatorId, DocId, LayerId } from '@shared/model';
import { openWorkspace } from '../workspace-store';
import { addSpan, makeDocument, testLabelSchema } from './fixtures';

const [mode, dir, staleArg] = process.argv.slice(2);
if (!dir || (mode !== 'updates' && mode !== 'hold')) {
  process.stderr.write('usage: store-child.ts updates|hold <dir> [staleMs]\n');
  process.exit(2);
}

const store = await openWorkspace(dir, {
  owner: 'test',
  createWith: { labelSchema: testLabelSchema },
  staleLockMs: staleArg ? Number(staleArg) : undefined,
  backupIntervalMinutes: 0,
  // Small, so that kills also land inside compactions.
  compaction: { maxEntries: 7, idleMs: 50 },
});

/** One span added through the journal, as a tag is saved (spans are numbered by revision, like addSpan's). */
function tag(id: DocId, n: number) {
  const op = { kind: 'add-span', span: { id: `s${n}`, label: 'claim', start: 0, end: 4 } } as AnnotationOp;
  return store.applyAnnotations(id, {
    layer: 'alice' as LayerId,
    ops: [op],
    by: 'alice' as AnnotatorId,
    at: new Date().toISOString(),
  });
}

if (mode === 'hold') {
  process.stdout.write('ready\n');
  setInterval(() => undefined, 60_000);
} else {
  const main = 'main' as DocId;
  if (!store.documents().some((d) => d.id === main)) {
    await store.createDocument(makeDocument(main));
    process.stdout.write('ack main 0\n');
  }
  // Several documents saved at once, so kills also land between concurrent writes and index writes.
  for (let n = 0; ; n += 1) {
    const extra = `x${process.pid}-${n}` as DocId;
    const saves = [
      store.updateDocument(main, (draft) => addSpan(draft, draft.revision + 1)),
      store.updateDocument(main, (draft) => addSpan(draft, draft.revision + 1)),
      n % 5 === 0 ? store.createDocument(makeDocument(extra)) : Promise.resolve(null),
    ] as const;
    const [a, b, created] = await Promise.all(saves);
    process.stdout.write(`ack main ${a.revision}\nack main ${b.revision}\n`);
    // Journalled saves: the span id is taken from the revision the save will produce.
    for (let k = 0; k < 3; k += 1) {
      const { revision } = await tag(main, b.revision + k + 1);
      process.stdout.write(`ack main ${revision}\n`);
    }
    if (created) process.stdout.write(`ack ${created.id} ${created.revision}\n`);
  }
}
