// Linking spans and setting their attributes (src/renderer/actions): the link key (the selected span to the
// nearest span the schema lets it link to), a chosen link from the picker or a drag, and attribute values.
// Every change goes through the session, so it is saved and undoable like a tag.
import {
  OpError,
  hasLinkCandidate,
  linkCandidates,
  nearestLink,
  ownEntry,
  setEntry,
  emptyRecord,
  type LinkCandidate,
  type Span,
} from '@shared/model';
import type { CommandContext } from '../services/app-services';
import type { ApplyOptions } from '../stores/document-session';
import { newRelationId } from '../stores/new-ids';

/** The selected span when it belongs to the analyst's editable layer. */
export function focusedOwnSpan(ctx: CommandContext): Span | undefined {
  const { session } = ctx;
  const focused = session?.focused.get() ?? null;
  if (session === null || focused === null || focused.layer !== session.editableLayer) return undefined;
  return session.span(focused);
}

function schemaOf(ctx: CommandContext) {
  return ctx.services.workspace.labelSchema() ?? { labels: [], relationTypes: [] };
}

/** "Damascus says Turkey withdraw its forces…", for announcements and the picker. */
export function describeCandidate(ctx: CommandContext, candidate: LinkCandidate): string {
  const type = schemaOf(ctx).relationTypes.find((t) => t.id === candidate.type);
  const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  return `${clip(candidate.from.quote)} ${type?.name ?? candidate.type} ${clip(candidate.to.quote)}`;
}

/** Every link the schema allows from or to the selected span, nearest first. */
export function candidatesOfFocused(ctx: CommandContext): LinkCandidate[] {
  const span = focusedOwnSpan(ctx);
  const { session } = ctx;
  if (span === undefined || session === null) return [];
  const layer = session.layer(session.editableLayer!);
  return linkCandidates(span, layer.spans, layer.relations, schemaOf(ctx));
}

/** True when the selected span can be linked to anything (without listing every candidate). */
export function focusedHasCandidates(ctx: CommandContext): boolean {
  const span = focusedOwnSpan(ctx);
  const { session } = ctx;
  if (span === undefined || session === null) return false;
  const layer = session.layer(session.editableLayer!);
  return hasLinkCandidate(span, layer.spans, layer.relations, schemaOf(ctx));
}

/** Makes the link (one undo step) and says so. */
export function applyLink(ctx: CommandContext, candidate: LinkCandidate): void {
  const { session, services } = ctx;
  if (session === null) return;
  const relation = {
    id: newRelationId(),
    type: candidate.type,
    from: candidate.from.id,
    to: candidate.to.id,
  };
  try {
    session.apply([{ kind: 'add-relation', relation }]);
  } catch (error) {
    if (!(error instanceof OpError)) throw error;
    return services.workspace.notify({ kind: 'error', message: error.message });
  }
  services.announcer.say(`Linked: ${describeCandidate(ctx, candidate)}`);
}

/** The link key: the selected span to its nearest allowed partner (a claim to the actor before it). */
export function linkToNearest(ctx: CommandContext): void {
  const span = focusedOwnSpan(ctx);
  const { session, services } = ctx;
  if (span === undefined || session === null) return;
  const layer = session.layer(session.editableLayer!);
  const candidate = nearestLink(span, layer.spans, layer.relations, schemaOf(ctx));
  if (candidate === null) {
    return services.workspace.notify({
      kind: 'error',
      message: `Nothing to link this ${span.label} to: tag the span it goes with first (or it is linked already).`,
    });
  }
  applyLink(ctx, candidate);
}

/** The first candidate linking `from` and `to` (either way round), for a drag from one span to another. */
export function candidateBetween(ctx: CommandContext, first: Span, second: Span): LinkCandidate | undefined {
  const { session } = ctx;
  if (session === null || session.editableLayer === null) return undefined;
  const layer = session.layer(session.editableLayer);
  return linkCandidates(first, layer.spans, layer.relations, schemaOf(ctx)).find(
    (c) => c.other.id === second.id,
  );
}

/**
 * Sets (a value) or clears (null) one attribute of a span of the analyst's layer, keeping the others. With a
 * merge key (text typed into a field), consecutive changes are one undo step and nothing is announced.
 */
export function setAttribute(
  ctx: CommandContext,
  span: Span,
  attribute: string,
  value: string | null,
  options: ApplyOptions = {},
): void {
  const { session, services } = ctx;
  if (session === null) return;
  if ((ownEntry(span.attributes, attribute) ?? null) === value) return;
  const attributes = emptyRecord<string>();
  for (const [key, current] of Object.entries(span.attributes))
    if (key !== attribute) setEntry(attributes, key, current);
  if (value !== null) setEntry(attributes, attribute, value);
  try {
    session.apply([{ kind: 'update-span', spanId: span.id, changes: { attributes } }], options);
  } catch (error) {
    if (!(error instanceof OpError)) throw error;
    return services.workspace.notify({ kind: 'error', message: error.message });
  }
  if (options.mergeKey !== undefined) return;
  const name = schemaOf(ctx)
    .labels.find((l) => l.id === span.label)
    ?.attributes.find((a) => a.id === attribute)?.name;
  services.announcer.say(value === null ? `${name ?? attribute} cleared` : `${name ?? attribute}: ${value}`);
}
