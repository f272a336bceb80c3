// Canonical actors (shared layer, pure): an actor span is tied to a workspace-wide actor by its "actor"
// attribute, whose value is the actor's canonical name ("Erdogan" and "Ankara" may both be "Recep Tayyip
// Erdogan"). A span without one goes by its quote. Renaming or merging actors is a list of assignments (span,
// new value), and its undo is the list of the values they had, so both travel as the same kind of request.
import type { Span } from './document';
import { CANONICAL_ACTOR, frameName } from './frames';
import type { LabelSchema } from './label-schema';
import type { AnnotationOp } from './ops';
import { emptyRecord, ownEntry, setEntry } from './records';

/** Sets (a name) or clears (null) the canonical actor of one span of the local analyst's layer. */
export interface ActorAssignment {
  docId: string;
  spanId: string;
  value: string | null;
}

/** One actor as the actors list shows it. */
export interface ActorEntry {
  name: string;
  /** Spans of the analyst's own layer that go by this name, and in how many documents. */
  spans: number;
  documents: number;
  /** Spans of other layers that go by this name (its name is offered, but they are not the analyst's to change). */
  elsewhere: number;
  /** The texts its spans quote, most frequent first (at most a few). */
  quotes: string[];
}

/** Labels that carry a canonical actor. */
export function actorLabels(schema: LabelSchema): Set<string> {
  return new Set(
    schema.labels.filter((l) => l.attributes.some((a) => a.id === CANONICAL_ACTOR)).map((l) => l.id),
  );
}

/** Tallies actors over documents: `mine` is the analyst's layer id; other layers only add names. */
export class ActorTally {
  private readonly entries = new Map<
    string,
    { spans: number; docs: Set<string>; elsewhere: number; quotes: Map<string, number> }
  >();

  constructor(private readonly labels: ReadonlySet<string>) {}

  addLayer(docId: string, layer: { readonly spans: readonly Span[] }, mine: boolean): void {
    for (const span of layer.spans) {
      if (!this.labels.has(span.label)) continue;
      const name = frameName(span);
      let entry = this.entries.get(name);
      if (entry === undefined)
        this.entries.set(name, (entry = { spans: 0, docs: new Set(), elsewhere: 0, quotes: new Map() }));
      if (mine) {
        entry.spans++;
        entry.docs.add(docId);
      } else entry.elsewhere++;
      entry.quotes.set(span.quote, (entry.quotes.get(span.quote) ?? 0) + 1);
    }
  }

  /** The actors, the analyst's most used first, then by name. */
  list(): ActorEntry[] {
    return [...this.entries]
      .map(([name, e]) => ({
        name,
        spans: e.spans,
        documents: e.docs.size,
        elsewhere: e.elsewhere,
        quotes: [...e.quotes]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([quote]) => quote),
      }))
      .sort((a, b) => b.spans - a.spans || a.name.localeCompare(b.name));
  }
}

/** The assignments that give every actor span of `layer` going by one of `names` the name `to`. */
export function renameAssignments(
  docId: string,
  layer: { readonly spans: readonly Span[] },
  labels: ReadonlySet<string>,
  names: ReadonlySet<string>,
  to: string,
): ActorAssignment[] {
  return layer.spans
    .filter(
      (s) => labels.has(s.label) && names.has(frameName(s)) && ownEntry(s.attributes, CANONICAL_ACTOR) !== to,
    )
    .map((s) => ({ docId, spanId: s.id, value: to }));
}

/** The value a span's canonical actor has now, as an assignment (null: none), to undo an assignment. */
export function currentAssignment(docId: string, span: Span): ActorAssignment {
  return { docId, spanId: span.id, value: ownEntry(span.attributes, CANONICAL_ACTOR) ?? null };
}

/** The update op that makes the span's canonical actor `value` (null removes it), keeping its other attributes. */
export function assignmentOp(span: Span, value: string | null): AnnotationOp {
  const attributes = emptyRecord<string>();
  for (const [key, current] of Object.entries(span.attributes))
    if (key !== CANONICAL_ACTOR) setEntry(attributes, key, current);
  if (value !== null) setEntry(attributes, CANONICAL_ACTOR, value);
  return { kind: 'update-span', spanId: span.id, changes: { attributes } };
}
