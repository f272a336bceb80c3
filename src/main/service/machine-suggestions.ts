// The offline suggester over documents of the workspace (src/main): each text goes to the worker thread (the
// suggester never runs on the main thread, so no window waits on it) with a time budget, and what comes back
// is weighed against one layer: its own spans of the same label and its rejections are never offered again.
// Actors tagged anywhere in the workspace (their canonical names and the texts they quote) are passed in, so
// their other mentions are found too.
import { WorkbenchError, type MachineSuggestions } from '@shared/api';
import { ownEntry, type DocumentRecord, type LayerId } from '@shared/model';
import { machineSuggestions, type KnownActor } from '@shared/suggest';
import { listActors } from './actor-change';
import { forEachDocument } from './corpus';
import type { ServiceContext } from './service-context';
import { cancelledError, type Task } from './tasks';
import { JobCancelledError, JobFailedError, JobTimeoutError } from '../workers/job-runner';

/** One document's suggesting on the worker; a text that takes longer is skipped, by name. */
export const SUGGEST_BUDGET_MS = 60_000;

export interface SuggestTarget {
  /** The layer the suggestions would go into (the analyst's own, or the CLI's named layer). */
  layer: LayerId;
  /** Absent: the whole corpus. */
  documentIds?: readonly string[] | undefined;
}

/** The documents asked for, in index order; an id the workspace does not have is refused by name. */
function chosenSummaries(ctx: ServiceContext, documentIds: readonly string[] | undefined) {
  const all = ctx.store.documents();
  if (documentIds === undefined) return all;
  const known = new Set<string>(all.map((s) => s.id));
  const unknown = documentIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const list = unknown.map((id) => `"${id}"`).join(', ');
    throw new WorkbenchError('not-found', `There is no document ${list} in this workspace.`);
  }
  const wanted = new Set<string>(documentIds);
  return all.filter((s) => wanted.has(s.id));
}

async function knownActors(ctx: ServiceContext): Promise<KnownActor[]> {
  return (await listActors(ctx)).map((actor) => ({ name: actor.name, aliases: actor.quotes }));
}

export async function suggestForDocuments(
  ctx: ServiceContext,
  target: SuggestTarget,
  task: Task,
): Promise<MachineSuggestions> {
  const summaries = chosenSummaries(ctx, target.documentIds);
  const docs: DocumentRecord[] = [];
  const damaged = await forEachDocument(ctx.store, (doc) => docs.push(doc), summaries);
  const result: MachineSuggestions = {
    documents: [],
    skipped: damaged.map((title) => ({ title, reason: 'its file is damaged' })),
  };
  const actors = await knownActors(ctx);
  for (const [index, doc] of docs.entries()) {
    task.checkpoint();
    task.progress('Suggesting tags', index, docs.length);
    const output = await suggestOnWorker(ctx, doc.text, actors, task);
    if (typeof output === 'string') {
      result.skipped.push({ title: doc.title, reason: output });
      continue;
    }
    const suggestions = machineSuggestions(output, {
      spans: ownEntry(doc.layers, target.layer)?.spans ?? [],
      rejected: doc.rejectedSuggestions,
      layer: target.layer,
      schema: ctx.store.workspace().labelSchema,
    });
    result.documents.push({ docId: doc.id, title: doc.title, language: output.language, suggestions });
  }
  task.progress('Suggesting tags', docs.length, docs.length);
  return result;
}

/** The suggester's output for one text, or why there is none (it ran out of time, its thread failed). */
async function suggestOnWorker(ctx: ServiceContext, text: string, knownActors: KnownActor[], task: Task) {
  try {
    return await ctx.runJob(
      'suggest',
      { text, knownActors },
      { signal: task.signal, budgetMs: SUGGEST_BUDGET_MS },
    );
  } catch (error) {
    if (error instanceof JobCancelledError) throw cancelledError();
    if (error instanceof JobTimeoutError || error instanceof JobFailedError) return error.message;
    throw error;
  }
}
