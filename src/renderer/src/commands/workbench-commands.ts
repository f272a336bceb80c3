// The workbench's commands (src/renderer/commands): tagging with each label of the schema, moving between
// spans and documents, deleting, undo and redo. Registered once in the registry; keys, key help, tooltips
// and the palette all come from here.
import type { DocId, LabelDef } from '@shared/model';
import { applyLabel, deleteFocusedSpan, focusNeighbour } from '../actions/tag-actions';
import type { CommandContext } from '../services/app-services';
import type { Command } from './registry';

type WorkbenchCommand = Command<CommandContext>;

const hasDocument = (ctx: CommandContext) => ctx.session !== null && ctx.editor !== null;
const canEdit = (ctx: CommandContext) => hasDocument(ctx) && ctx.session!.editableLayer !== null;
const hasFocusedSpan = (ctx: CommandContext) => (ctx.session?.focused.get() ?? null) !== null;

export function labelCommands(labels: readonly LabelDef[]): WorkbenchCommand[] {
  return labels.flatMap((label): WorkbenchCommand[] => {
    const keys = label.hotkey === undefined ? [] : [label.hotkey];
    return [
      {
        id: `tag.${label.id}`,
        title: `Tag as ${label.name}`,
        keys,
        group: 'Tagging',
        when: canEdit,
        // With word snapping off (a preference), a label key keeps the exact selection too.
        run: (ctx) => applyLabel(ctx, label.id, !ctx.services.preferences.current.get().wordSnapping),
      },
      {
        id: `tag-exact.${label.id}`,
        title: `Tag as ${label.name}, keeping the exact selection`,
        keys: keys.map((key) => `Alt+${key}`),
        group: 'Tagging',
        when: canEdit,
        run: (ctx) => applyLabel(ctx, label.id, true),
      },
    ];
  });
}

function openNeighbourDocument(ctx: CommandContext, step: 1 | -1): void {
  const documents = ctx.services.workspace.view()?.documents ?? [];
  if (documents.length === 0) return;
  const openId = ctx.services.sessions.openId;
  const index = documents.findIndex((d) => d.id === openId);
  const next = documents[Math.min(documents.length - 1, Math.max(0, index + step))];
  if (next !== undefined && next.id !== openId) void ctx.services.sessions.open(next.id as DocId);
}

export const workbenchCommands: readonly WorkbenchCommand[] = [
  {
    id: 'span.next',
    title: 'Select the next span',
    keys: ['N'],
    group: 'Spans',
    when: hasDocument,
    run: (ctx) => focusNeighbour(ctx, 1),
  },
  {
    id: 'span.previous',
    title: 'Select the previous span',
    keys: ['P'],
    group: 'Spans',
    when: hasDocument,
    run: (ctx) => focusNeighbour(ctx, -1),
  },
  {
    id: 'span.delete',
    title: 'Delete the selected span',
    keys: ['Delete', 'Backspace'],
    group: 'Spans',
    when: (ctx) => {
      const focused = ctx.session?.focused.get() ?? null;
      return canEdit(ctx) && focused !== null && ctx.session!.canEdit(focused.layer);
    },
    run: deleteFocusedSpan,
  },
  {
    id: 'span.deselect',
    title: 'Deselect the span',
    keys: ['Escape'],
    group: 'Spans',
    when: hasFocusedSpan,
    run: (ctx) => ctx.session?.focus(null, false),
  },
  {
    id: 'edit.undo',
    title: 'Undo',
    keys: ['Mod+Z'],
    group: 'Editing',
    when: (ctx) => ctx.session?.canUndo === true,
    run: (ctx) => void ctx.session?.undo(),
  },
  {
    id: 'edit.redo',
    title: 'Redo',
    keys: ['Shift+Mod+Z', 'Mod+Y'],
    group: 'Editing',
    when: (ctx) => ctx.session?.canRedo === true,
    run: (ctx) => void ctx.session?.redo(),
  },
  {
    id: 'document.next',
    title: 'Open the next document',
    keys: ['Alt+ArrowDown'],
    group: 'Documents',
    inTextFields: true,
    run: (ctx) => openNeighbourDocument(ctx, 1),
  },
  {
    id: 'document.previous',
    title: 'Open the previous document',
    keys: ['Alt+ArrowUp'],
    group: 'Documents',
    inTextFields: true,
    run: (ctx) => openNeighbourDocument(ctx, -1),
  },
  {
    id: 'export.open',
    title: 'Export…',
    keys: ['Mod+E'],
    group: 'Workspace',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('export'),
  },
  {
    id: 'import-annotations.open',
    title: 'Import annotations…',
    keys: ['Shift+Mod+O'],
    group: 'Workspace',
    inTextFields: true,
    run: (ctx) => ctx.services.ui.dialog.set('import-annotations'),
  },
  {
    id: 'view.focus-text',
    title: 'Move the keyboard focus to the text',
    keys: ['Alt+T'],
    group: 'View',
    inTextFields: true,
    when: hasDocument,
    run: (ctx) => ctx.editor?.focus(),
  },
];
