// A child process for the store's crash tests (src/main, tests only), run as `node --import tsx store-child.ts`.
// `updates <dir>`: opens the workspace and keeps saving, printing `ack <docId> <revision>` after each save
// resolved, until it is killed. `hold <dir> <staleMs>`: opens the workspace, prints `ready`, and waits.
import type { DocId } from '@shared/model';
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
});

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
    if (created) process.stdout.write(`ack ${created.id} ${created.revision}\n`);
  }
}
