// Adjudication from the keyboard and the review panel (src/renderer/actions): step through the items two
// layers disagree on (across the corpus), accept A, B or both into gold with provenance, reject, or edit (tag
// the gold span yourself), and merge every agreement in one step. Each decision is one undoable step.
import { comparisonCounts, compareLayers } from '@shared/agreement';
import { GOLD_LAYER, type DocId, type Layer, type LayerId, type Span } from '@shared/model';
import {
  acceptOps,
  decidedProposals,
  isSettled,
  reviewItems,
  type ReviewItem,
} from '@shared/review/adjudication';
import type { CommandContext } from '../services/app-services';
import type { DocumentSession } from '../stores/document-session';

const newId = (kind: 'span' | 'relation') =>
  `${kind === 'span' ? 'g' : 'gr'}${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

function layerOf(session: DocumentSession, id: LayerId): Layer {
  const layer = session.layer(id);
  return { spans: [...layer.spans], relations: [...layer.relations] };
}

export function currentItems(session: DocumentSession, a: LayerId, b: LayerId): ReviewItem[] {
  return reviewItems(layerOf(session, a), layerOf(session, b));
}

export function settledSet(session: DocumentSession) {
  return decidedProposals(layerOf(session, GOLD_LAYER), session.rejections);
}

/** The compare classes of A's and B's spans, for the text. */
export function compareClasses(
  session: DocumentSession,
  a: LayerId,
  b: LayerId,
): Map<LayerId, Map<string, string>> {
  const classes = new Map<LayerId, Map<string, string>>([
    [a, new Map()],
    [b, new Map()],
  ]);
  for (const compared of compareLayers(layerOf(session, a), layerOf(session, b))) {
    classes.get(compared.side === 'a' ? a : b)!.set(compared.span.id, compared.class);
  }
  return classes;
}

function refreshCounts(ctx: CommandContext, session: DocumentSession): void {
  const review = ctx.services.review.state.get();
  if (review === null) return;
  const items = currentItems(session, review.a, review.b);
  const decided = settledSet(session);
  ctx.services.review.updateDocument(session.docId, {
    docId: session.docId,
    counts: comparisonCounts(compareLayers(layerOf(session, review.a), layerOf(session, review.b))),
    items: items.length,
    settled: items.filter((item) => isSettled(item, review, decided)).length,
    openDisagreements: items.filter((item) => item.kind !== 'match' && !isSettled(item, review, decided))
      .length,
  });
}

function focusItem(ctx: CommandContext, session: DocumentSession, item: ReviewItem, index: number): void {
  const review = ctx.services.review.state.get();
  if (review === null) return;
  ctx.services.review.setCurrent(index);
  const span = item.a ?? item.b;
  if (span !== null) session.focus({ layer: item.a !== null ? review.a : review.b, spanId: span.id });
  const kinds = {
    match: 'Match',
    boundary: 'Boundaries differ',
    label: 'Labels differ',
    'only-a': 'Only in A',
    'only-b': 'Only in B',
  };
  ctx.services.announcer.say(`${kinds[item.kind]}: ${(item.a ?? item.b)?.quote ?? ''}`);
}

/** The next (or previous) unsettled item, in this document and then in the next documents that have one. */
export async function stepDisagreement(ctx: CommandContext, step: 1 | -1): Promise<void> {
  const review = ctx.services.review.state.get();
  const session = ctx.session;
  if (review === null || session === null) return;
  const items = currentItems(session, review.a, review.b);
  const decided = settledSet(session);
  // Agreements are merged in one step; stepping visits what the layers disagree on.
  const open = (index: number) =>
    items[index] !== undefined &&
    items[index]!.kind !== 'match' &&
    !isSettled(items[index]!, review, decided);
  for (
    let i = (review.current ?? (step === 1 ? -1 : items.length)) + step;
    i >= 0 && i < items.length;
    i += step
  ) {
    if (open(i)) return focusItem(ctx, session, items[i]!, i);
  }
  const documents = ctx.services.workspace.view()?.documents ?? [];
  const counts = new Map((review.summary?.documents ?? []).map((d) => [d.docId, d]));
  const here = documents.findIndex((d) => d.id === session.docId);
  for (let i = here + step; i >= 0 && i < documents.length; i += step) {
    const entry = counts.get(documents[i]!.id);
    if (entry === undefined || entry.openDisagreements === 0) continue;
    await ctx.services.sessions.open(documents[i]!.id as DocId);
    const next = ctx.services.sessions.current;
    if (next === null) return;
    ctx.services.review.setCurrent(null);
    const nextItems = currentItems(next, review.a, review.b);
    const nextDecided = settledSet(next);
    const order = step === 1 ? nextItems.map((_, k) => k) : nextItems.map((_, k) => nextItems.length - 1 - k);
    const first = order.find(
      (k) => nextItems[k]!.kind !== 'match' && !isSettled(nextItems[k]!, review, nextDecided),
    );
    if (first !== undefined) focusItem({ ...ctx, session: next }, next, nextItems[first]!, first);
    return;
  }
  ctx.services.announcer.say('No more disagreements to decide.');
  ctx.services.workspace.notify({
    kind: 'error',
    message: 'No more disagreements to decide in this direction.',
  });
}

export type Decision = 'a' | 'b' | 'both' | 'reject';

/** Decides the current item: accepted spans go into gold (with provenance), the others are rejected. */
export function decide(ctx: CommandContext, decision: Decision): void {
  const review = ctx.services.review.state.get();
  const session = ctx.session;
  if (review === null || session === null || review.current === null) return;
  const item = currentItems(session, review.a, review.b)[review.current];
  if (item === undefined) return;
  const proposals = [
    { layer: review.a, span: item.a },
    { layer: review.b, span: item.b },
  ].filter((p): p is { layer: LayerId; span: Span } => p.span !== null);
  const accepted = proposals.filter(
    (p) =>
      decision === 'both' ||
      (decision === 'a' && p.layer === review.a) ||
      (decision === 'b' && p.layer === review.b),
  );
  const rejected = proposals.filter((p) => !accepted.includes(p));
  const rejections = {
    reject: rejected.map((p) => ({ layer: p.layer, id: p.span.id })),
    unreject: [],
    reason: review.reason,
  };
  if (accepted.length === 0) session.decide(rejections);
  else {
    const ops = acceptOps(accepted, 'accepted', goldContext(session, review));
    session.apply(ops, { layer: GOLD_LAYER, ...(rejected.length > 0 ? { rejections } : {}) });
  }
  ctx.services.announcer.say(
    decision === 'reject'
      ? 'Rejected'
      : `Accepted into gold: ${accepted.map((p) => p.span.quote).join(' and ')}`,
  );
  refreshCounts(ctx, session);
  void stepDisagreement(ctx, 1);
}

/** What an accepted proposal needs to become gold: the layers it comes from, who decides, when and why. */
function goldContext(session: DocumentSession, review: { a: LayerId; b: LayerId; reason: string }) {
  return {
    gold: layerOf(session, GOLD_LAYER),
    sources: new Map([
      [review.a, layerOf(session, review.a)],
      [review.b, layerOf(session, review.b)],
    ]),
    decidedBy: session.annotator,
    decidedAt: new Date().toISOString(),
    reason: review.reason,
    newId,
  };
}

/** Every pair both layers agree on goes into gold in one undoable step, each standing for both spans. */
export function mergeAgreements(ctx: CommandContext): number {
  const review = ctx.services.review.state.get();
  const session = ctx.session;
  if (review === null || session === null) return 0;
  const decided = settledSet(session);
  const matches = currentItems(session, review.a, review.b).filter(
    (i) => i.kind === 'match' && !isSettled(i, review, decided),
  );
  const spans = matches.flatMap((item) => [
    { layer: review.a, span: item.a! },
    { layer: review.b, span: item.b! },
  ]);
  if (spans.length === 0) return 0;
  const ops = acceptOps(spans, 'merged', goldContext(session, review));
  session.apply(ops, { layer: GOLD_LAYER });
  ctx.services.announcer.say(`Merged ${matches.length} agreements into gold`);
  refreshCounts(ctx, session);
  return matches.length;
}

/** Edit: the analyst tags the gold span themselves; it stands for the current item's spans. */
export function startEditing(ctx: CommandContext): void {
  const review = ctx.services.review.state.get();
  const session = ctx.session;
  if (review === null || session === null || review.current === null) return;
  const item = currentItems(session, review.a, review.b)[review.current];
  if (item === undefined) return;
  ctx.services.review.setEditing(item);
  session.focus(null, false);
  ctx.services.announcer.say('Edit: select the text for the gold span and press a label key.');
}

/** Used by tagging while editing: the provenance and the sources a gold span tagged now stands for. */
export function editedProvenance(ctx: CommandContext) {
  const review = ctx.services.review.state.get();
  if (review === null || review.editing === null) return null;
  const { editing } = review;
  const sources = [
    editing.a === null ? null : { layer: review.a, id: editing.a.id },
    editing.b === null ? null : { layer: review.b, id: editing.b.id },
  ].filter((s) => s !== null);
  return {
    sources,
    decision: 'edited' as const,
    decidedBy: ctx.session!.annotator,
    decidedAt: new Date().toISOString(),
    reason: review.reason,
  };
}

export function finishEditing(ctx: CommandContext): void {
  const session = ctx.session;
  ctx.services.review.setEditing(null);
  if (session !== null) refreshCounts(ctx, session);
}
