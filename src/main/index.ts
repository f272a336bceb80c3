// Electron entry point (src/main): single-instance lock, hardened window, app:// renderer, IPC bound to the
// same workbench service the browser-mode host uses. The workspace defaults to userData/workspace;
// TAGWRIGHT_WORKSPACE or `--workspace <dir>` opens another folder.
import { app, BrowserWindow, dialog } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererDir } from './app-paths';
import { secureWebPreferences } from './electron/web-preferences';
import { denyEverythingRisky, registerAppScheme, serveRenderer } from './electron/window-security';
import { APP_ORIGIN, bindIpc, connectEvents } from './ipc';
import { appearanceAttributes } from './service/open-workbench';
import { openWorkbenchHost, type WorkbenchHost } from './service/workbench-host';

const here = fileURLToPath(new URL('.', import.meta.url));

function workspaceDir(): string {
  const flag = process.argv.indexOf('--workspace');
  const fromFlag = flag >= 0 ? process.argv[flag + 1] : undefined;
  return resolve(fromFlag ?? process.env.TAGWRIGHT_WORKSPACE ?? join(app.getPath('userData'), 'workspace'));
}

function createWindow(workbench: WorkbenchHost): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Tagwright',
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  connectEvents(win.webContents, workbench.events);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  // Every renderer sandboxed, whatever its webPreferences say (must be called before the app is ready).
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  await app.whenReady();
  denyEverythingRisky();
  let workbench: WorkbenchHost;
  try {
    workbench = await openWorkbenchHost(workspaceDir(), {
      owner: 'electron',
      log: (m) => console.error(m),
      configDir: process.env.TAGWRIGHT_CONFIG_DIR ?? app.getPath('userData'),
      // Exports go where the analyst chooses; the native dialog asks before replacing a file.
      chooseSavePath: async (suggested) => {
        const options = { defaultPath: join(app.getPath('documents'), suggested) };
        const parent = BrowserWindow.getFocusedWindow();
        const choice =
          parent === null
            ? await dialog.showSaveDialog(options)
            : await dialog.showSaveDialog(parent, options);
        return choice.canceled || choice.filePath === undefined ? null : choice.filePath;
      },
    });
  } catch (error) {
    dialog.showErrorBox(
      'Tagwright cannot open the workspace',
      error instanceof Error ? error.message : String(error),
    );
    app.quit();
    return;
  }
  const opened = workbench;
  serveRenderer(rendererDir(), () => appearanceAttributes(opened.preferences));
  bindIpc(workbench.dispatch);
  let win = createWindow(workbench);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow(workbench);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    event.preventDefault();
    void workbench.close().finally(() => app.exit(0));
  });
}

void start();
