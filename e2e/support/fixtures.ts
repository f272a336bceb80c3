// Playwright fixtures (e2e): `host` is a real browser-mode host on a fresh temporary workspace, stopped and
// removed after the test (and restartable within it); `workbench` is the page, opened and past first run.
import { test as base } from '@playwright/test';
import { newWorkspaceDir, removeWorkspace, startHost, type Host } from './host';
import { WorkbenchPage } from './workbench-page';

export class HostHandle {
  constructor(private host: Host) {}

  get url(): string {
    return this.host.url;
  }

  get workspace(): string {
    return this.host.workspace;
  }

  /**
   * Stops the host gracefully (it saves and unlocks), runs `meanwhile` (e.g. to damage a file while no
   * process holds the workspace), and starts a new host on the same workspace.
   */
  async restart(meanwhile: () => Promise<void> = async () => {}): Promise<void> {
    await this.host.stop();
    await meanwhile();
    this.host = await startHost(this.host.workspace);
  }

  /** Restarts the host as another user of this machine would see it (their own, empty preferences). */
  async restartAsAnotherUser(): Promise<void> {
    await this.host.stop();
    this.host = await startHost(this.host.workspace, `${this.host.workspace}-config-colleague`);
  }

  stop(): Promise<void> {
    return this.host.stop();
  }
}

export const test = base.extend<{ host: HostHandle; workbench: WorkbenchPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  host: async ({}, use) => {
    const handle = new HostHandle(await startHost(await newWorkspaceDir()));
    await use(handle);
    await handle.stop();
    await removeWorkspace(handle.workspace);
  },
  workbench: async ({ page, host }, use) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open(host.url);
    await workbench.completeFirstRun('Dana');
    await use(workbench);
  },
});

export { expect } from '@playwright/test';
