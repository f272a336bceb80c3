// The installer configuration (electron-builder.yml), checked without building: the Electron binary cannot
// be downloaded here. It must pass electron-builder's own schema, make the four installers with the app's
// icon, pack into an asar archive everything the app reads at run time, and flip the hardening fuses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from './main/service/open-workbench';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// electron-builder's own loader and validator (CommonJS, dev dependency; nothing is downloaded).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(dir: string, file: string, extra: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = {
  asar: boolean;
  /** As electron-builder normalises it: patterns, or sets of patterns. */
  files: (string | { filter: string[] })[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
  directories: { output: string; buildResources: string };
};

const load = async () => (await getConfig(root, 'electron-builder.yml', null)) as unknown as Config;
const validate = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

describe('the installer configuration', () => {
  it('passes electron-builder’s schema, and the schema does catch a misspelt option', async () => {
    const config = await load();
    await expect(validate(config)).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validate(misspelt)).rejects.toThrow(/Invalid configuration object[\s\S]*electronFuses/);
  });

  it('makes an AppImage and a .deb, a .dmg and an NSIS installer with the app’s icon', async () => {
    const config = await load();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect([config.mac.target, config.win.target]).toEqual(['dmg', 'nsis']);
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      const png = readFileSync(join(root, icon));
      // PNG signature, then the IHDR width and height: electron-builder wants at least 512×512 for macOS.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    }
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, cookies encrypted, asar only and checked', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app and every data file the app reads into app.asar', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    const files = config.files.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(files).toContain('out/**/*');
    for (const file of ['schema.default.json', ...SAMPLE_FILES]) {
      expect(files).toContain(`data/${file}`);
      expect(existsSync(join(root, 'data', file))).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.scripts['dist']).toMatch(/electron-vite build && electron-builder/);
  });
});
