// Commands of the window itself (src/renderer/commands): the command palette, the shortcuts sheet, settings,
// search in the document or the corpus and moving between its hits, and the text size (remembered in the
// user's preferences).
import { revealHit } from '../actions/search-actions';
import type { CommandContext } from '../services/app-services';
import { steppedScale } from '../stores/preferences-store';
import type { Command } from './registry';

type ViewCommand = Command<CommandContext>;

function openSearch(ctx: CommandContext, scope: 'document' | 'corpus'): void {
  const { search, ui } = ctx.services;
  search.state.update((state) => ({ ...state, scope }));
  ui.searchOpen.set(true);
  // The panel focuses its field when it mounts; when it is open already, focus it again.
  document.getElementById('search-pattern')?.focus();
}

function stepHit(ctx: CommandContext, by: 1 | -1): void {
  const hit = by === 1 ? ctx.services.search.next() : ctx.services.search.previous();
  if (hit !== undefined) void revealHit(ctx.services, hit);
}

function scaleText(ctx: CommandContext, steps: number | null): void {
  const { preferences, announcer } = ctx.services;
  const textScale = steps === null ? 1 : steppedScale(preferences.current.get().textScale, steps);
  void preferences.set({ textScale });
  announcer.say(`Text size ${Math.round(textScale * 100)} %`);
}

const hasHits = (ctx: CommandContext) => ctx.services.search.state.get().hits.length > 0;

export const viewCommands: readonly ViewCommand[] = [
  {
    id: 'palette.open',
    title: 'Command palette…',
    keys: ['Mod+K'],
    group: 'Help',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('palette'),
  },
  {
    id: 'help.shortcuts',
    title: 'Keyboard shortcuts',
    keys: ['?'],
    group: 'Help',
    run: (ctx) => ctx.services.ui.dialog.set('shortcuts'),
  },
  {
    id: 'settings.open',
    title: 'Settings…',
    keys: ['Mod+,'],
    group: 'Help',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('settings'),
  },
  {
    id: 'search.document',
    title: 'Find in this document',
    keys: ['Mod+F'],
    group: 'Search',
    inTextFields: true,
    run: (ctx) => openSearch(ctx, 'document'),
  },
  {
    id: 'search.corpus',
    title: 'Search all documents',
    keys: ['Shift+Mod+F'],
    group: 'Search',
    inTextFields: true,
    run: (ctx) => openSearch(ctx, 'corpus'),
  },
  {
    id: 'search.next-hit',
    title: 'Go to the next search hit',
    keys: ['F3', 'Mod+G'],
    group: 'Search',
    inTextFields: true,
    when: hasHits,
    run: (ctx) => stepHit(ctx, 1),
  },
  {
    id: 'search.previous-hit',
    title: 'Go to the previous search hit',
    keys: ['Shift+F3', 'Shift+Mod+G'],
    group: 'Search',
    inTextFields: true,
    when: hasHits,
    run: (ctx) => stepHit(ctx, -1),
  },
  {
    id: 'view.text-larger',
    title: 'Larger text',
    keys: ['Mod+=', 'Mod+Plus'],
    group: 'View',
    inTextFields: true,
    run: (ctx) => scaleText(ctx, 1),
  },
  {
    id: 'view.text-smaller',
    title: 'Smaller text',
    keys: ['Mod+-'],
    group: 'View',
    inTextFields: true,
    run: (ctx) => scaleText(ctx, -1),
  },
  {
    id: 'view.text-reset',
    title: 'Default text size',
    keys: ['Mod+0'],
    group: 'View',
    inTextFields: true,
    run: (ctx) => scaleText(ctx, null),
  },
];
