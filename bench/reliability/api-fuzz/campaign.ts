// Campaign 5, API fuzzing (bench/reliability, Node only): generated requests for every contract method through
// the real dispatcher (10,000 per method in the full campaign), long work cancelled at random moments, forged
// HTTP requests (the event stream included) and floods against the built host's guards and limits, and forged
// IPC senders against the sender rule. Nothing may end in an `internal` error, a 5xx or a crash, no forged
// request may be served, and the files must be sound afterwards.
import { defineCampaign, sized } from '../lib/campaign';
import { cancelRaces } from './cancel-races';
import { fuzzContract } from './contract-fuzz';
import { floodLimits, fuzzHostGuards } from './host-guards';
import { fuzzIpcSenders } from './ipc-senders';

export const apiFuzz = defineCampaign(
  'api-fuzz',
  'Generated and broken requests for every method, forged tokens, hosts, origins and senders, floods.',
  ['invalidFiles', 'starved', 'undelivered'],
  async (options, tally) => {
    const perMethod = sized(options, 50, 10_000);
    await fuzzContract(options, tally, perMethod, options.quick ? 50 : 1000);
    tally.counts['perMethod'] = perMethod;
    if (options.shard !== undefined) tally.counts['shard'] = `${options.shard.index}/${options.shard.count}`;
    // The rest is not in batches: the first shard runs it.
    if (options.shard !== undefined && options.shard.index !== 1) return;
    await cancelRaces(options, tally, sized(options, 4, 200));
    await fuzzHostGuards(options, tally, sized(options, 60, 3000));
    await floodLimits(options, tally, 300);
    await fuzzIpcSenders(tally, sized(options, 300, 10_000), options.seed);
  },
);
