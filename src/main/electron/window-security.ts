// Electron hardening (src/main/electron): the renderer is served from the app:// protocol with the CSP
// header, may not navigate, open windows, attach webviews or get any permission.
import { app, protocol, session } from 'electron';
import { readStaticFile, withPageAttributes, type PageAttributes } from '../http/static-files';
import { guardWebContents } from './navigation-guards';
import { SECURITY_HEADERS } from '../security-headers';

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: 'app',
      // Vite emits <script type="module" crossorigin>, fetched in CORS mode: without corsEnabled Chromium
      // refuses module scripts from a custom scheme. The app loads no other origin, so this opens nothing.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string, pageAttributes?: PageAttributes): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'tagwright') return new Response('Not found', { status: 404 });
    const found = await readStaticFile(rendererDir, url.pathname);
    if (found === null) return new Response('Not found', { status: 404 });
    const file = withPageAttributes(found, pageAttributes);
    return new Response(new Uint8Array(file.body), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}

export function denyEverythingRisky(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
