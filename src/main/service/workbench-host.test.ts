// Switching workspaces behind one dispatcher: requests go to the newly opened workspace, the old one is saved
// and unlocked, every other window is told; a folder that is locked, missing or someone else's leaves the
// old workspace working.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, WorkbenchEvent, WorkspaceView } from '@shared/api';
import { openWorkspace } from '../store/workspace-store';
import { JobRunner } from '../workers/job-runner';
import { base64, valueOf } from './test-support';
import { openWorkbenchHost, type WorkbenchHost } from './workbench-host';

let root: string;
let host: WorkbenchHost;
const jobs = new JobRunner();
const events: WorkbenchEvent[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tagwright-host-'));
  host = await openWorkbenchHost(join(root, 'first'), {
    owner: 'cli',
    withSample: false,
    jobs,
    configDir: join(root, 'config'),
  });
  events.length = 0;
  host.events.subscribe('window-2', (event) => events.push(event));
  valueOf(await host.dispatch('annotator:set-local', { name: 'Dana' }));
});
afterEach(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

const open = (path: string, create: boolean) =>
  host.dispatch('workspace:open', { path, create }, { clientId: 'window-1' });

describe('switching workspaces', () => {
  it('opens a new workspace, sends requests there, and unlocks the old one', async () => {
    valueOf<ImportReport>(
      await host.dispatch('documents:import', {
        files: [{ name: 'a.txt', dataBase64: base64('First text.') }],
      }),
    );
    const second = join(root, 'second');
    const view = valueOf<WorkspaceView>(await open(second, true));
    expect(view.path).toBe(second);
    expect(view.localAnnotator).toBeNull();
    expect(valueOf<WorkspaceView>(await host.dispatch('workspace:get', {})).path).toBe(second);
    expect(events).toContainEqual({ kind: 'workspace-switched', path: second });
    // The first workspace was saved and its lock released: another process may open it now.
    const first = await openWorkspace(join(root, 'first'), { owner: 'cli' });
    expect(first.documents().map((d) => d.title)).toEqual(['a']);
    await first.close();
  });

  it('comes back to a workspace the user knows as the same analyst, at the top of open recent', async () => {
    const first = host.current().store.dir;
    await open(join(root, 'second'), true);
    const back = valueOf<WorkspaceView>(await open(first, false));
    expect(back.localAnnotator?.name).toBe('Dana');
    expect(host.preferences.get().workspaces[0]?.path).toBe(first);
  });

  it('keeps the open workspace when the other is locked, missing or not a workspace', async () => {
    const before = host.current().store.dir;
    const locked = join(root, 'locked');
    const holder = await openWorkspace(locked, {
      owner: 'serve',
      createWith: { labelSchema: host.current().store.workspace().labelSchema },
    });
    try {
      expect(await open(locked, false)).toMatchObject({ ok: false, error: { code: 'workspace-locked' } });
    } finally {
      await holder.close();
    }
    expect(await open(join(root, 'nothing'), false)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const papers = join(root, 'papers');
    await mkdir(papers);
    await writeFile(join(papers, 'thesis.txt'), 'mine');
    expect(await open(papers, true)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await open('relative/folder', true)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(host.current().store.dir).toBe(before);
    expect(valueOf<WorkspaceView>(await host.dispatch('workspace:get', {})).path).toBe(before);
  });
});
