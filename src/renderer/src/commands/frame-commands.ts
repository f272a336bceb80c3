// The commands of who-said-what (src/renderer/commands): linking the selected span (to the nearest span it
// goes with, or to one picked from a list), setting its attributes, walking, accepting and rejecting
// suggestions, and the claims table, actors and schema dialogs. Keys, key help and buttons read them here.
import { focusedHasCandidates, focusedOwnSpan, linkToNearest } from '../actions/link-actions';
import type { CommandContext } from '../services/app-services';
import type { Command } from './registry';

type WorkbenchCommand = Command<CommandContext>;

const ownFocus = (ctx: CommandContext) => ctx.editor !== null && focusedOwnSpan(ctx) !== undefined;

/** Review binds [ ] A X to its own steps: there the suggestion and attribute keys stand aside. */
const notReviewing = (ctx: CommandContext) => ctx.services.review.state.get() === null;

const hasAttributes = (ctx: CommandContext) => {
  const span = focusedOwnSpan(ctx);
  const label = ctx.services.workspace.labelSchema()?.labels.find((l) => l.id === span?.label);
  return (label?.attributes.length ?? 0) > 0;
};

/** The current suggestion, when it belongs to the open, editable document. */
function currentSuggestion(ctx: CommandContext) {
  const { session, services } = ctx;
  const current = services.suggestions.current.get();
  if (session === null || session.editableLayer === null || current?.docId !== session.docId) return null;
  return services.suggestions.get(session.docId, current.key) ?? null;
}

function showCurrentSuggestion(ctx: CommandContext): void {
  const suggestion = currentSuggestion(ctx);
  if (suggestion === null || ctx.session === null) return;
  const list = ctx.services.suggestions.list(ctx.session.docId);
  const index = list.findIndex((s) => s.key === suggestion.key);
  ctx.editor?.scrollToSpan(suggestion.key);
  ctx.services.announcer.say(
    `Suggestion ${index + 1} of ${list.length}: ${suggestion.quote} (${suggestion.reason}). Y accepts, X rejects.`,
  );
}

function stepSuggestion(ctx: CommandContext, direction: 1 | -1): void {
  const { session, editor, services } = ctx;
  if (session === null) return;
  const from = editor?.selection().start ?? 0;
  if (services.suggestions.step(session.docId, direction, from) === null)
    return services.announcer.say('No suggestions in this document.');
  showCurrentSuggestion(ctx);
}

function acceptSuggestion(ctx: CommandContext): void {
  const { session, services } = ctx;
  const suggestion = currentSuggestion(ctx);
  if (session === null || suggestion === null) return;
  const span = services.suggestions.accept(session, suggestion.key);
  if (span !== null) session.focus({ layer: session.editableLayer!, spanId: span.id }, false);
  services.announcer.say(`Accepted: ${suggestion.quote}`);
  showCurrentSuggestion(ctx);
}

function rejectSuggestion(ctx: CommandContext): void {
  const { session, services } = ctx;
  const suggestion = currentSuggestion(ctx);
  if (session === null || suggestion === null) return;
  void services.suggestions.reject(session, suggestion.key).then((error) => {
    if (error !== null) services.workspace.notify({ kind: 'error', message: error });
  });
  services.announcer.say(`Rejected: ${suggestion.quote}`);
  showCurrentSuggestion(ctx);
}

export const frameCommands: readonly WorkbenchCommand[] = [
  {
    id: 'relation.link-nearest',
    title: 'Link the selected span to the nearest span it goes with (a claim to the actor before it)',
    keys: ['L'],
    group: 'Links',
    when: ownFocus,
    run: linkToNearest,
  },
  {
    id: 'relation.pick',
    title: 'Link the selected span to…',
    keys: ['Shift+L'],
    group: 'Links',
    when: (ctx) => ownFocus(ctx) && focusedHasCandidates(ctx),
    run: (ctx) => ctx.services.ui.dialog.set('link-picker'),
  },
  {
    id: 'attribute.pick',
    title: 'Set an attribute of the selected span…',
    keys: ['A'],
    group: 'Spans',
    when: (ctx) => notReviewing(ctx) && ownFocus(ctx) && hasAttributes(ctx),
    run: (ctx) => ctx.services.ui.dialog.set('attribute-picker'),
  },
  {
    id: 'suggestion.next',
    title: 'Go to the next suggestion',
    keys: [']'],
    group: 'Suggestions',
    when: (ctx) => notReviewing(ctx) && ctx.session !== null && ctx.editor !== null,
    run: (ctx) => stepSuggestion(ctx, 1),
  },
  {
    id: 'suggestion.previous',
    title: 'Go to the previous suggestion',
    keys: ['['],
    group: 'Suggestions',
    when: (ctx) => notReviewing(ctx) && ctx.session !== null && ctx.editor !== null,
    run: (ctx) => stepSuggestion(ctx, -1),
  },
  {
    id: 'suggestion.accept',
    title: 'Accept the suggestion (tag it)',
    keys: ['Y'],
    group: 'Suggestions',
    when: (ctx) => notReviewing(ctx) && currentSuggestion(ctx) !== null,
    run: acceptSuggestion,
  },
  {
    id: 'suggestion.reject',
    title: 'Reject the suggestion',
    keys: ['X'],
    group: 'Suggestions',
    when: (ctx) => notReviewing(ctx) && currentSuggestion(ctx) !== null,
    run: rejectSuggestion,
  },
  {
    id: 'claims.open',
    title: 'Claims table…',
    keys: ['Alt+C'],
    group: 'Workspace',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('claims'),
  },
  {
    id: 'actors.open',
    title: 'Actors…',
    keys: ['Alt+A'],
    group: 'Workspace',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('actors'),
  },
  {
    id: 'schema.open',
    title: 'Schema…',
    keys: ['Alt+S'],
    group: 'Workspace',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('schema'),
  },
];
