// The disk-fault campaign on a real full disk (bench/reliability, Node only, Linux): a small tmpfs is mounted
// where the machine allows it (root, no container ban), the app is opened on it, the disk is filled to the last
// byte, and a save and an import must fail with ENOSPC, change nothing, and work once space is freed.
import { execFile } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WorkspaceView } from '@shared/api';
import type { DocumentRecord } from '@shared/model';
import { errnoCode } from '../../../src/main/store/file-io';
import { openApp } from '../lib/app';
import { freshDir, messageOf, type CampaignOptions } from '../lib/campaign';
import type { Tally } from '../lib/figures';
import { inspectWorkspace } from '../lib/workspace-oracle';
import { fingerprint } from '../lib/fingerprint';

const run = promisify(execFile);

/** Writes ever smaller chunks until the file system refuses even one more byte. */
async function fillDisk(path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x61);
      for (;;) {
        try {
          await file.write(chunk);
        } catch (error) {
          if (errnoCode(error) === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** Returns what happened, for the campaign's line: "ran", "failed" or "skipped (<why>)". */
export async function fullDiskCheck(options: CampaignOptions, tally: Tally): Promise<string> {
  const mountPoint = await freshDir(options, 'tmpfs');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
  } catch (error) {
    return `skipped (${messageOf(error).split('\n')[0]})`;
  }
  const label = 'full tmpfs';
  const dir = join(mountPoint, 'workspace');
  try {
    const wb = await openApp(dir, { withSample: true });
    const view = await wb.dispatch('annotator:set-local', { name: 'Full Disk' });
    const layer = view.ok ? ((view.value as WorkspaceView).localAnnotator?.id ?? '') : '';
    const docId = view.ok ? ((view.value as WorkspaceView).documents[0]?.id ?? '') : '';
    const span = (id: string, start: number) => ({
      docId,
      layer,
      ops: [{ kind: 'add-span', span: { id, label: 'claim', start, end: start + 5 } }],
    });
    const before = await fingerprint(dir);
    await fillDisk(join(mountPoint, 'filler'));
    const save = await wb.dispatch('annotations:apply', span('full1', 0));
    const imported = await wb.dispatch('documents:import', {
      files: [{ name: 'more.txt', dataBase64: Buffer.from('More text '.repeat(2000)).toString('base64') }],
    });
    for (const [what, result] of [
      ['save', save],
      ['import', imported],
    ] as const) {
      if (result.ok) tally.fail('lost', `${label}: the ${what} was acknowledged on a full disk`);
      else
        tally.expect(
          result.error.code === 'io-error' && result.error.message.includes('ENOSPC'),
          'unclear',
          () => `${label}: ${what}: ${result.error.code}: ${result.error.message}`,
        );
    }
    tally.expect(
      (await fingerprint(dir)).join('\n') === before.join('\n'),
      'partial',
      () => `${label}: the workspace changed although the disk was full`,
    );
    await rm(join(mountPoint, 'filler'));
    const resumed = await wb.dispatch('annotations:apply', span('full2', 10));
    tally.expect(resumed.ok, 'stuck', () => `${label}: saving did not resume once space was freed`);
    await wb.close();
    const { problems, documents } = await inspectWorkspace(dir, true);
    for (const problem of problems) tally.fail('invalidFiles', `${label}: ${problem}`);
    const spans = [...documents.values()].flatMap((d: DocumentRecord) =>
      Object.values(d.layers).flatMap((l) => l?.spans ?? []),
    );
    tally.expect(
      spans.some((s) => s.id === 'full2'),
      'lost',
      () => `${label}: the save after the disk was freed is not on disk`,
    );
    return 'ran';
  } catch (error) {
    tally.fail('unhandled', `${label}: ${messageOf(error)}`);
    return 'failed';
  } finally {
    await run('umount', [mountPoint]).catch(() => undefined);
  }
}
