// The IPC sender rule: main answers only the app's own top frame, never a subframe, another origin or a
// window without a frame, whatever URL a forged sender claims.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { senderIsApp } from './ipc-sender';

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('senderIsApp', () => {
  it('answers the app window loaded from app://tagwright/', () => {
    expect(senderIsApp(topFrame('app://tagwright/index.html'))).toBe(true);
  });

  it('refuses a subframe even when it is loaded from the app origin', () => {
    const subframe = {
      senderFrame: { url: 'app://tagwright/index.html', parent: topFrame('app://tagwright/').senderFrame },
    };
    expect(senderIsApp(subframe)).toBe(false);
  });

  it('refuses look-alike origins and events without a frame', () => {
    for (const url of [
      'app://tagwright.evil/',
      'app://tagwright@evil/',
      'APP://tagwright/',
      'app://tagwright',
      'http://127.0.0.1/',
    ]) {
      expect(senderIsApp(topFrame(url)), url).toBe(false);
    }
    expect(senderIsApp({ senderFrame: null })).toBe(false);
    expect(senderIsApp({})).toBe(false);
  });

  it('refuses every URL that does not name the app origin followed by a path', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(senderIsApp(topFrame(url))).toBe(false);
      }),
    );
  });
});
