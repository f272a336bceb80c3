// The commands of machine suggestions (src/renderer/commands): suggest tags for the open document or the whole
// corpus (main's offline suggester, with progress and Cancel), and accept every suggestion of one label in
// the document after a look at how many. All are hidden while the user has turned suggestions off.
import type { CommandContext } from '../services/app-services';
import type { MachineRunSummary } from '../stores/machine-suggestion-store';
import type { Command } from './registry';

type WorkbenchCommand = Command<CommandContext>;

/** On in the settings, and not while reviewing (review's screen draws no suggestions and binds its own keys). */
const enabled = (ctx: CommandContext) =>
  ctx.services.machineSuggestions.enabled() && ctx.services.review.state.get() === null;
const editable = (ctx: CommandContext) => ctx.session !== null && ctx.session.editableLayer !== null;

/** What a run found, in one sentence for the status line and screen readers. */
export function describeRun(summary: MachineRunSummary): string {
  const { suggestions, documents, unsupported, skipped } = summary;
  const parts = [
    `${suggestions} suggestion${suggestions === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'}`,
  ];
  if (unsupported.length > 0)
    parts.push(`none for ${unsupported.join(', ')} (not in a script the English model covers)`);
  if (skipped.length > 0) parts.push(`skipped ${skipped.map((s) => `${s.title} (${s.reason})`).join(', ')}`);
  return `${parts.join('; ')}.`;
}

async function suggest(ctx: CommandContext, wholeCorpus: boolean): Promise<void> {
  const { services, session } = ctx;
  if (!wholeCorpus && session === null) return;
  services.ui.sideTab.set('suggestions');
  const outcome = await services.machineSuggestions.run(wholeCorpus ? undefined : [session!.docId]);
  if (!outcome.ok) {
    if (outcome.error.code !== 'cancelled')
      services.workspace.notify({ kind: 'error', message: outcome.error.message });
    return;
  }
  services.announcer.say(`Suggested: ${describeRun(outcome.value)} ] goes to the next one.`);
}

export const machineSuggestionCommands: readonly WorkbenchCommand[] = [
  {
    id: 'suggestions.suggest-document',
    title: 'Suggest tags (this document)',
    keys: [],
    group: 'Suggestions',
    when: (ctx) => enabled(ctx) && editable(ctx),
    run: (ctx) => void suggest(ctx, false),
  },
  {
    id: 'suggestions.suggest-corpus',
    title: 'Suggest tags (all documents)',
    keys: [],
    group: 'Suggestions',
    when: (ctx) => enabled(ctx) && (ctx.services.workspace.view()?.localAnnotator ?? null) !== null,
    run: (ctx) => void suggest(ctx, true),
  },
  {
    id: 'suggestions.accept-label',
    title: 'Accept all suggestions of one label in this document…',
    keys: ['Shift+Y'],
    group: 'Suggestions',
    when: (ctx) =>
      enabled(ctx) && editable(ctx) && ctx.services.suggestions.list(ctx.session!.docId).length > 0,
    run: (ctx) => ctx.services.ui.dialog.set('accept-suggestions'),
  },
];
