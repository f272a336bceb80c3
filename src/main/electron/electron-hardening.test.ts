// Electron hardening checked without an Electron binary (never import 'electron' in tests): IPC handlers are
// registered only through the wrapper that checks the sender frame, the sender check itself, the navigation
// guards on a fake web contents, and the sandbox switched on for every renderer before the app is ready.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guardWebContents, REFUSED_EVENTS } from './navigation-guards';
import { senderIsApp } from './trusted-sender';

const srcDir = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('IPC registration', () => {
  it('happens only in ipc.ts, through its one sender-checking wrapper', () => {
    const registrations = sourceFiles(srcDir).flatMap((file) => {
      const found =
        readFileSync(file, 'utf8').match(/ipcMain\s*\.\s*(handle|handleOnce|on|once)\s*\(/g) ?? [];
      return found.map((call) => `${relative(srcDir, file)}: ${call.replace(/\s+/g, '')}`);
    });
    expect(registrations).toEqual(['main/ipc.ts: ipcMain.handle(']);
    const ipc = readFileSync(join(srcDir, 'main/ipc.ts'), 'utf8');
    const wrapper = ipc.slice(
      ipc.indexOf('export function handleFromApp'),
      ipc.indexOf('export function bindIpc'),
    );
    expect(wrapper).toContain('ipcMain.handle(');
    expect(wrapper).toMatch(/if \(!senderIsApp\(event\.senderFrame\)\)/);
  });
});

describe('the IPC sender check', () => {
  it.each([
    [{ url: 'app://tagwright/index.html', parent: null }, true],
    [{ url: 'app://tagwright/index.html', parent: {} }, false],
    [{ url: 'app://tagwright.evil/index.html', parent: null }, false],
    [{ url: 'https://tagwright/index.html', parent: null }, false],
    [{ url: 'app://tagwright', parent: null }, false],
    [null, false],
  ])('answers %o: %s', (frame, allowed) => {
    expect(senderIsApp(frame as Parameters<typeof senderIsApp>[0])).toBe(allowed);
  });
});

describe('navigation guards', () => {
  it('refuse navigation of the page and of subframes, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    const windows: { open?: () => { action: string } } = {};
    guardWebContents({
      on: (name, listener) => listeners.set(name, listener),
      setWindowOpenHandler: (handler) => void (windows.open = handler as () => { action: string }),
    });
    expect([...listeners.keys()]).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate']));
    for (const name of REFUSED_EVENTS) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => void (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(windows.open?.()).toEqual({ action: 'deny' });
  });
});

describe('the preload', () => {
  it('exposes only the bridge built from the contract, under one name', () => {
    const source = readFileSync(join(srcDir, 'preload/index.ts'), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\(\s*'tagwright',\s*buildBridge\(/);
  });
});

describe('the Electron entry', () => {
  it('sandboxes every renderer before the app is ready', () => {
    const index = readFileSync(join(srcDir, 'main/index.ts'), 'utf8');
    const sandbox = index.indexOf('app.enableSandbox()');
    expect(sandbox).toBeGreaterThan(0);
    expect(sandbox).toBeLessThan(index.indexOf('await app.whenReady()'));
  });

  it('guards every web contents the app creates', () => {
    const security = readFileSync(join(srcDir, 'main/electron/window-security.ts'), 'utf8');
    expect(security).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => guardWebContents\(contents\)\)/,
    );
  });
});
