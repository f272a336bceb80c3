// The review commands (src/renderer/commands): open and close review, step through disagreements across the
// corpus, and decide each one into gold from the keyboard. They apply only while review mode is on, so their
// single-letter keys never tag anything by accident.
import { decide, mergeAgreements, startEditing, stepDisagreement } from '../actions/review-actions';
import type { CommandContext } from '../services/app-services';
import type { Command } from './registry';

type ReviewCommand = Command<CommandContext>;

const reviewing = (ctx: CommandContext) => ctx.services.review.state.get() !== null && ctx.session !== null;
const onItem = (ctx: CommandContext) => reviewing(ctx) && ctx.services.review.state.get()!.current !== null;

/** Opens review of the analyst's layer (A) against the first colleague's layer found (B). */
export function openReview(ctx: CommandContext): void {
  const view = ctx.services.workspace.view();
  const me = view?.localAnnotator?.id;
  if (view === null || me === undefined) return;
  const session = ctx.session;
  const present = new Set(session?.layerIds() ?? []);
  const other =
    view.annotators.find((a) => a.id !== me && present.has(a.id)) ?? view.annotators.find((a) => a.id !== me);
  if (other === undefined) {
    ctx.services.workspace.notify({
      kind: 'error',
      message: "There is no colleague's layer to review yet: bring one in with Import annotations…",
    });
    return;
  }
  void ctx.services.review.open(me, other.id);
}

export const reviewCommands: readonly ReviewCommand[] = [
  {
    id: 'review.open',
    title: 'Review: compare layers and adjudicate into gold',
    keys: ['Shift+Mod+R'],
    group: 'Review',
    inTextFields: true,
    when: (ctx) => ctx.services.review.state.get() === null,
    run: openReview,
  },
  {
    id: 'review.close',
    title: 'Close review',
    keys: [],
    group: 'Review',
    when: (ctx) => ctx.services.review.state.get() !== null,
    run: (ctx) => ctx.services.review.close(),
  },
  {
    id: 'review.next',
    title: 'Next disagreement',
    keys: [']'],
    group: 'Review',
    when: reviewing,
    run: (ctx) => void stepDisagreement(ctx, 1),
  },
  {
    id: 'review.previous',
    title: 'Previous disagreement',
    keys: ['['],
    group: 'Review',
    when: reviewing,
    run: (ctx) => void stepDisagreement(ctx, -1),
  },
  {
    id: 'review.accept-a',
    title: 'Accept A into gold',
    keys: ['A'],
    group: 'Review',
    when: onItem,
    run: (ctx) => decide(ctx, 'a'),
  },
  {
    id: 'review.accept-b',
    title: 'Accept B into gold',
    keys: ['B'],
    group: 'Review',
    when: onItem,
    run: (ctx) => decide(ctx, 'b'),
  },
  {
    id: 'review.accept-both',
    title: 'Accept both into gold',
    keys: ['C'],
    group: 'Review',
    when: onItem,
    run: (ctx) => decide(ctx, 'both'),
  },
  {
    id: 'review.reject',
    title: 'Reject both',
    keys: ['X'],
    group: 'Review',
    when: onItem,
    run: (ctx) => decide(ctx, 'reject'),
  },
  {
    id: 'review.edit',
    title: 'Edit: tag the gold span yourself',
    keys: ['E'],
    group: 'Review',
    when: onItem,
    run: startEditing,
  },
  {
    id: 'review.merge',
    title: 'Merge every agreement into gold',
    keys: ['Shift+M'],
    group: 'Review',
    when: reviewing,
    run: (ctx) => void mergeAgreements(ctx),
  },
];
