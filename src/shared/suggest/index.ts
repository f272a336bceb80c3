// The offline suggester's public face (shared layer, pure): the types of its input and output and the turning
// of its output into the workbench's suggestions. `suggest` itself is imported from './suggest' by whoever runs
// it (the worker's job, on first use): it loads language models (compromise, wink) that take over a second,
// which nothing importing this index should pay for.
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
