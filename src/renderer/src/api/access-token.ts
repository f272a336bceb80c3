// Browser mode only (src/renderer/api): takes the host's access token from the URL once, keeps it for this
// tab in sessionStorage (so a reload still works) and removes it from the address bar and history.
const STORAGE_KEY = 'tagwright.token';

export function readAccessToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}
