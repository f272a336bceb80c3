// The injection payloads: enough of them, each numbered, each with a way to be noticed if it ever works.
import { describe, expect, it } from 'vitest';
import { fit, OFF_HOST, payloads } from './payloads';

describe('hostile payloads', () => {
  const list = payloads(120);

  it('are at least a hundred distinct strings with distinct numbers', () => {
    expect(new Set(list.map((p) => p.text)).size).toBe(120);
    expect(new Set(list.map((p) => p.n)).size).toBe(120);
  });

  it('each set the canary to their own number, reach off the host, or try a prototype key', () => {
    for (const p of list) {
      const noticed =
        p.text.includes(`__pwned=${p.n}`) ||
        p.text.includes(OFF_HOST) ||
        /__proto__|constructor\[/.test(p.text);
      expect(noticed, p.text).toBe(true);
    }
  });

  it('are cut to a field’s length without growing', () => {
    for (const p of list) expect(fit(p, 80).length).toBeLessThanOrEqual(80);
  });
});
