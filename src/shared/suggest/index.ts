// The offline suggester's public face (shared layer, pure): `suggest` and the types of its input and output.
export { suggest } from './suggest';
export type {
  KnownActor,
  SuggestedLabel,
  SuggestedRelation,
  SuggestedRelationType,
  SuggestedSpan,
  SuggestInput,
  SuggestOutput,
} from './types';
export { machineSuggestions, type MachineContext } from './to-suggestions';
