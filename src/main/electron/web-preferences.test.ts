// Every Tagwright window is created isolated, sandboxed and without Node integration.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security-headers';
import { secureWebPreferences } from './web-preferences';

describe('Electron security defaults', () => {
  it('creates windows with context isolation, the sandbox and no Node integration', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
