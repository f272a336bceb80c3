// Suggestions per document (src/renderer/stores): spans proposed to the analyst, drawn apart from the tags and
// never tagged without their say. Whatever proposes them (the analyst's own tags today: a tagged text's other
// occurrences in this document and, through main, in the corpus; a machine suggester later) hands them over
// with `offer`; the keys and buttons accept (an undoable tag of the analyst's layer) or reject (remembered in
// the document, so it is not offered again).
import type { CorpusSuggestions } from '@shared/api';
import {
  coveredBy,
  isRejected,
  isSuggestible,
  occurrenceSuggestions,
  suggestionKey,
  type DocId,
  type AnnotationOp,
  type RejectedSuggestion,
  type Span,
  type SpanId,
  type Suggestion,
} from '@shared/model';
import type { TagwrightApi } from '../api/client';
import type { DocumentSession } from './document-session';
import { newRelationId, newSpanId } from './new-ids';
import { observable } from './observable';

export interface CurrentSuggestion {
  docId: DocId;
  key: string;
}

/** Where else the last tagged text occurs (from main's corpus search). */
export interface Elsewhere {
  quote: string;
  label: string;
  documents: { docId: DocId; title: string; count: number }[];
  truncated: boolean;
}

export class SuggestionStore {
  /** Bumped whenever the suggestions of any document change. */
  readonly version = observable(0);
  readonly current = observable<CurrentSuggestion | null>(null);
  readonly elsewhere = observable<Elsewhere | null>(null);
  private readonly byDoc = new Map<DocId, Map<string, Suggestion>>();
  private readonly rejected = new Map<DocId, RejectedSuggestion[]>();
  /** Texts already looked for in the corpus during this visit (label and quote), so a tag asks main once. */
  private readonly searched = new Set<string>();

  constructor(private readonly api: TagwrightApi) {}

  /** The document's suggestions in text order. */
  list(docId: DocId): Suggestion[] {
    return [...(this.byDoc.get(docId)?.values() ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  get(docId: DocId, key: string): Suggestion | undefined {
    return this.byDoc.get(docId)?.get(key);
  }

  /** Adds suggestions (a key already offered keeps its first reason). */
  offer(docId: DocId, suggestions: readonly Suggestion[]): void {
    if (suggestions.length === 0) return;
    let set = this.byDoc.get(docId);
    if (set === undefined) this.byDoc.set(docId, (set = new Map()));
    for (const suggestion of suggestions) if (!set.has(suggestion.key)) set.set(suggestion.key, suggestion);
    this.changed();
  }

  /** Drops the suggestions that spans of the same label now cover (the analyst tagged them another way). */
  prune(docId: DocId, spans: readonly Pick<Span, 'label' | 'start' | 'end'>[]): void {
    const set = this.byDoc.get(docId);
    if (set === undefined || spans.length === 0) return;
    let dropped = false;
    for (const [key, suggestion] of set) {
      if (!coveredBy(spans, suggestion)) continue;
      set.delete(key);
      dropped = true;
    }
    if (dropped) this.changed();
  }

  /** What the analyst turned down in the document: stored ones and those of this visit. */
  rejectedIn(session: DocumentSession): RejectedSuggestion[] {
    return [...session.record.rejectedSuggestions, ...(this.rejected.get(session.docId) ?? [])];
  }

  /**
   * Keeps the document's suggestions in step with its editable layer while it is shown. Suggestions offered
   * before it was open (a corpus search) lose, now, the ones tagged or turned down there.
   */
  attach(session: DocumentSession): () => void {
    const layer = session.editableLayer;
    const set = this.byDoc.get(session.docId);
    if (layer !== null && set !== undefined) {
      const rejected = this.rejectedIn(session);
      const before = set.size;
      for (const [key, suggestion] of set) if (isRejected(rejected, layer, suggestion)) set.delete(key);
      if (set.size !== before) this.changed();
    }
    if (layer !== null) this.prune(session.docId, session.layer(layer).spans);
    return session.subscribe((change) => {
      if (layer === null) return;
      if (change.kind === 'reset') this.prune(session.docId, session.layer(layer).spans);
      else if (change.kind === 'delta' && change.layer === layer)
        this.prune(session.docId, change.delta.addedSpans);
    });
  }

  /**
   * The analyst tagged `span`: its text's other whole-word occurrences in this document become suggestions at
   * once, and main is asked where else in the corpus it occurs.
   */
  async learnFrom(session: DocumentSession, span: Span, labelName: string): Promise<void> {
    const layer = session.editableLayer;
    if (layer === null) return;
    const tagged = { label: span.label, quote: span.quote, labelName };
    const rejected = this.rejectedIn(session);
    const spans = session.layer(layer).spans;
    this.offer(session.docId, occurrenceSuggestions(tagged, { text: session.text, spans, rejected, layer }));
    const searchKey = `${span.label}\u0000${span.quote}`;
    if (this.searched.has(searchKey) || !isSuggestible(span.quote)) return;
    this.searched.add(searchKey);
    const result = await this.api['suggestions:find']({
      label: span.label,
      quote: span.quote,
      exceptDocId: session.docId,
    });
    if (result.ok) this.offerElsewhere(span.quote, span.label, result.value);
  }

  /** Moves the current suggestion to the next (+1) or previous (-1) one after `fromOffset`, wrapping around. */
  step(docId: DocId, direction: 1 | -1, fromOffset: number): Suggestion | null {
    const list = this.list(docId);
    if (list.length === 0) return null;
    const at = this.current.get();
    const index = at?.docId === docId ? list.findIndex((s) => s.key === at.key) : -1;
    let next: Suggestion | undefined;
    if (index >= 0) next = list[(index + direction + list.length) % list.length];
    else if (direction === 1) next = list.find((s) => s.start >= fromOffset) ?? list[0];
    else next = [...list].reverse().find((s) => s.start < fromOffset) ?? list.at(-1);
    this.current.set(next === undefined ? null : { docId, key: next.key });
    return next ?? null;
  }

  /** Tags the suggestion in the analyst's layer (one undo step, with the links it proposes). */
  accept(session: DocumentSession, key: string): Span | null {
    const suggestion = this.get(session.docId, key);
    const layer = session.editableLayer;
    if (suggestion === undefined || layer === null) return null;
    const id = newSpanId();
    const { label, start, end } = suggestion;
    const ops: AnnotationOp[] = [{ kind: 'add-span', span: { id, label, start, end } }];
    ops.push(...this.proposedLinks(session, suggestion, id));
    this.advancePast(session.docId, key);
    this.remove(session.docId, key);
    session.apply(ops);
    return session.layer(layer).span(id) ?? null;
  }

  /**
   * Tags every suggestion of `label` in the document as one undo step, with the links they propose to each
   * other and to spans of the layer already; resolves to how many were tagged.
   */
  acceptAll(session: DocumentSession, label: string): number {
    const chosen = this.list(session.docId).filter((s) => s.label === label);
    if (chosen.length === 0 || session.editableLayer === null) return 0;
    const ids = new Map(chosen.map((s) => [s.key, newSpanId()]));
    const ops: AnnotationOp[] = chosen.map((s) => ({
      kind: 'add-span',
      span: { id: ids.get(s.key)!, label, start: s.start, end: s.end },
    }));
    const links = new Set<string>();
    for (const s of chosen) {
      for (const op of this.proposedLinks(session, s, ids.get(s.key)!, ids)) {
        if (op.kind !== 'add-relation') continue;
        const name = `${op.relation.type} ${op.relation.from} ${op.relation.to}`;
        if (!links.has(name)) ops.push(op);
        links.add(name);
      }
    }
    const current = this.current.get();
    if (current?.docId === session.docId && ids.has(current.key)) this.current.set(null);
    for (const key of ids.keys()) this.byDoc.get(session.docId)?.delete(key);
    this.changed();
    session.apply(ops);
    return chosen.length;
  }

  /** Turns the suggestion down: it goes, and main remembers it for this document and layer. */
  async reject(session: DocumentSession, key: string): Promise<string | null> {
    const suggestion = this.get(session.docId, key);
    const layer = session.editableLayer;
    if (suggestion === undefined || layer === null) return null;
    const { label, start, end } = suggestion;
    this.rejected.set(session.docId, [
      ...(this.rejected.get(session.docId) ?? []),
      { layer, label, start, end },
    ]);
    this.advancePast(session.docId, key);
    this.remove(session.docId, key);
    const result = await this.api['suggestions:reject']({ docId: session.docId, label, start, end });
    return result.ok ? null : result.error.message;
  }

  private remove(docId: DocId, key: string): void {
    if (this.byDoc.get(docId)?.delete(key) === true) this.changed();
  }

  /** The current suggestion moves on to the next one before `key` leaves (so Y, Y, Y walks the list). */
  private advancePast(docId: DocId, key: string): void {
    const at = this.current.get();
    if (at?.docId !== docId || at.key !== key) return;
    const list = this.list(docId);
    const index = list.findIndex((s) => s.key === key);
    const next = list[index + 1] ?? (index > 0 ? list[0] : undefined);
    this.current.set(next === undefined ? null : { docId, key: next.key });
  }

  /**
   * add-relation ops for the suggestion's links whose other end is a span of the layer already, or one of
   * `accepting` (suggestions tagged in the same step, by key).
   */
  private proposedLinks(
    session: DocumentSession,
    suggestion: Suggestion,
    id: SpanId,
    accepting: ReadonlyMap<string, SpanId> = new Map(),
  ): AnnotationOp[] {
    const layer = session.layer(session.editableLayer!);
    const byKey = new Map(layer.spans.map((s) => [suggestionKey(s.label, s.start, s.end), s.id]));
    for (const [key, spanId] of accepting) byKey.set(key, spanId);
    return (suggestion.relations ?? []).flatMap((link): AnnotationOp[] => {
      const from = link.from === suggestion.key ? id : byKey.get(link.from);
      const to = link.to === suggestion.key ? id : byKey.get(link.to);
      if (from === undefined || to === undefined || (from !== id && to !== id)) return [];
      return [{ kind: 'add-relation', relation: { id: newRelationId(), type: link.type, from, to } }];
    });
  }

  /** Offers suggestions in other documents and lists those documents, for the analyst to open them. */
  offerElsewhere(quote: string, label: string, found: CorpusSuggestions): void {
    for (const doc of found.documents) this.offer(doc.docId as DocId, doc.suggestions);
    this.elsewhere.set({
      quote,
      label,
      documents: found.documents.map((d) => ({
        docId: d.docId as DocId,
        title: d.title,
        count: d.suggestions.length,
      })),
      truncated: found.truncated,
    });
  }

  private changed(): void {
    this.version.update((v) => v + 1);
  }
}
