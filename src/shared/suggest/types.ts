// The suggester's contract (shared layer, pure): text in, proposed spans and relations out. Offsets are UTF-16
// code units over the given text, start inclusive, end exclusive; a span's key is `label:start:end`, so the
// same proposal gets the same key on every run and a rejected one can be recognised next time.

export type SuggestedLabel = 'actor' | 'claim' | 'condition';
export type SuggestedRelationType = 'says' | 'conditions';

/** An actor already tagged somewhere in the workspace: its name and the other names it goes by. */
export interface KnownActor {
  name: string;
  aliases: readonly string[];
}

export interface SuggestInput {
  text: string;
  knownActors?: readonly KnownActor[];
}

export interface SuggestedSpan {
  key: string;
  label: SuggestedLabel;
  start: number;
  end: number;
  quote: string;
  /** Why it was proposed, for the analyst: "reporting verb 'insists that'", "capital 'Damascus'". */
  reason: string;
}

export interface SuggestedRelation {
  type: SuggestedRelationType;
  /** Span keys. */
  from: string;
  to: string;
}

export interface SuggestOutput {
  /** 'unsupported' when most of the text is in a script the English model does not cover; then no spans. */
  language: 'en' | 'unsupported';
  spans: SuggestedSpan[];
  relations: SuggestedRelation[];
}

/** A proposal before it becomes a SuggestedSpan: offsets and the reason only. */
export interface Proposal {
  label: SuggestedLabel;
  start: number;
  end: number;
  reason: string;
}
