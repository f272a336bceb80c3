// The hardened webPreferences of every Tagwright window (src/main/electron). Kept free of runtime electron
// imports so a unit test can assert each setting without an Electron binary.
import type { WebPreferences } from 'electron';

export const secureWebPreferences = (preload: string): WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
});
