// The sample document most agreement tests work on by hand (shared layer, test only): 29 characters, five
// tokens, Ankara [0,6) said [7,11) the [12,15) border [16,22) holds [23,28); two analysts who agree on the actor
// and differ on where the claim starts, each linking actor and claim.
import { layer, relation, span } from './layers';

export const sampleText = 'Ankara said the border holds.';

/** Tags "Ankara" as actor and "the border holds" as claim. */
export const alice = layer(
  [span('a1', 'actor', 0, 6), span('a2', 'claim', 12, 28)],
  [relation('ar', 'says', 'a1', 'a2')],
);

/** Tags "Ankara" as actor and "border holds" as claim. */
export const bob = layer(
  [span('b1', 'actor', 0, 6), span('b2', 'claim', 16, 28)],
  [relation('br', 'says', 'b1', 'b2')],
);
