// Commands over the document queue (src/renderer/commands): mark the open document done and open the next
// unfinished one in the list's own order (filters and sort included), details (rename, metadata, delete),
// and the trash. Registered beside the workbench commands; keys, key help and the palette read them.
import type { DocId } from '@shared/model';
import { nextUnfinished, queueDocuments } from '../stores/document-queue';
import type { CommandContext } from '../services/app-services';
import type { Command } from './registry';

type DocumentCommand = Command<CommandContext>;

const hasDocument = (ctx: CommandContext) => ctx.session !== null;

/** Marks the open document done for this analyst and opens the next unfinished one (the list's order). */
export async function markDoneAndNext(ctx: CommandContext): Promise<void> {
  const { services, session } = ctx;
  const me = services.workspace.view()?.localAnnotator;
  if (session === null || me === null || me === undefined) return;
  await session.whenSaved();
  await services.workspace.setStatus(session.docId, 'done');
  const ordered = queueDocuments(services.workspace.documents(), services.queue.view.get(), me.id);
  const next = nextUnfinished(ordered, session.docId, me.id);
  if (next === undefined) {
    services.announcer.say('Marked done. Every document in the list is done or skipped.');
    services.workspace.notify({
      kind: 'error',
      message: 'Marked done. No unfinished document is left in the list.',
    });
    return;
  }
  await services.sessions.open(next.id as DocId);
  services.announcer.say(`Marked done. Opened ${next.title}.`);
}

export const documentCommands: readonly DocumentCommand[] = [
  {
    id: 'document.done-next',
    title: 'Mark done and open the next unfinished document',
    keys: ['Mod+Enter'],
    group: 'Documents',
    when: hasDocument,
    run: (ctx) => void markDoneAndNext(ctx),
  },
  {
    id: 'document.details',
    title: 'Document details: rename, metadata, delete…',
    keys: ['F2'],
    group: 'Documents',
    when: hasDocument,
    run: (ctx) => ctx.services.ui.dialog.set('details'),
  },
  {
    id: 'trash.open',
    title: 'Deleted documents (trash)…',
    keys: [],
    group: 'Documents',
    run: (ctx) => ctx.services.ui.dialog.set('trash'),
  },
];
