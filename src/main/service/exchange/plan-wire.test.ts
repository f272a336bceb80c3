import { describe, expect, it } from 'vitest';
import type { LayerId, Span } from '@shared/model';
import { CHUNK_RECORDS, layerFromWire, wireLayer } from './plan-wire';

const span = (i: number) => ({ id: `s${i}`, label: 'actor', start: i, end: i + 1 }) as unknown as Span;

describe('a layer sent from the worker in chunks', () => {
  it('comes back whole and in order', async () => {
    const spans = Array.from({ length: CHUNK_RECORDS * 2 + 7 }, (_, i) => span(i));
    const wire = wireLayer('dana' as LayerId, { spans, relations: [] });
    expect(wire.spans).toHaveLength(3);
    expect(await layerFromWire(wire)).toEqual({ spans, relations: [] });
  });

  it('lets the event loop run between chunks, so a request that arrives meanwhile is answered', async () => {
    const spans = Array.from({ length: CHUNK_RECORDS * 3 }, (_, i) => span(i));
    const events: string[] = [];
    setImmediate(() => events.push('request answered'));
    const reading = layerFromWire(wireLayer('dana' as LayerId, { spans, relations: [] })).then(() =>
      events.push('layer read'),
    );
    await reading;
    expect(events).toEqual(['request answered', 'layer read']);
  });
});
