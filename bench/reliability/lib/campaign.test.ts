// The run's options: `--shard i/n` is parsed or refused with the reason, and the shards of a run split its
// batches so that every batch runs in exactly one process.
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, type CampaignOptions } from './campaign';

const options = (shard?: { index: number; count: number }): CampaignOptions => ({
  quick: false,
  seed: 1,
  scratch: '/nowhere',
  log: () => undefined,
  ...(shard === undefined ? {} : { shard }),
});

describe('shards of a campaign', () => {
  it('parses i/n and refuses anything else, saying the form', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1', '1/0', 'a/b', '1/2/3', ' 1/2'])
      expect(parseShard(bad)).toMatch(/^--shard is i\/n with 1 ≤ i ≤ n/);
  });

  it('gives every batch to exactly one shard, and all of them to a run without shards', () => {
    const batches = Array.from({ length: 10 }, (_, batch) => batch);
    const shards = [1, 2, 3].map((index) => batches.filter((b) => inShard(options({ index, count: 3 }), b)));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(batches);
    expect(shards.map((s) => s.length)).toEqual([4, 3, 3]);
    expect(batches.filter((b) => inShard(options(), b))).toEqual(batches);
  });
});
