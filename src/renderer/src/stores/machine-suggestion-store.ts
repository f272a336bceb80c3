// Machine suggestions from the renderer (src/renderer/stores): asks main's offline suggester about one
// document, several, or the whole corpus (a task with progress and Cancel; the suggester runs on main's worker
// thread, so the window never waits on it) and hands what comes back to the suggestion store, where it is
// drawn, walked and accepted like any suggestion. Nothing is asked while the user has turned suggestions off.
import type { ApiError, MachineSuggestions } from '@shared/api';
import type { DocId } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';
import type { SuggestionStore } from './suggestion-store';
import type { Outcome, TaskStore } from './task-store';

/** What one run offered, for the analyst to be told. */
export interface MachineRunSummary {
  documents: number;
  suggestions: number;
  /** Titles of documents in a script the English model does not cover (nothing offered). */
  unsupported: string[];
  skipped: MachineSuggestions['skipped'];
}

const refusal = (message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code: 'conflict', message },
});

export function summarizeRun(found: MachineSuggestions): MachineRunSummary {
  return {
    documents: found.documents.length,
    suggestions: found.documents.reduce((sum, d) => sum + d.suggestions.length, 0),
    unsupported: found.documents.filter((d) => d.language === 'unsupported').map((d) => d.title),
    skipped: found.skipped,
  };
}

export function createMachineSuggestionStore(
  api: TagwrightApi,
  suggestions: SuggestionStore,
  tasks: TaskStore,
  enabled: () => boolean,
) {
  const lastRun = observable<MachineRunSummary | null>(null);
  return {
    /** Whether imports ask the suggester about the new documents (this window, off until ticked). */
    suggestOnImport: observable(false),
    /** What the last run offered (shown in the Suggestions tab until the next one). */
    lastRun,

    /** False while the user has turned machine suggestions off (their commands are hidden then). */
    enabled,

    /** Suggests for the given documents (all when absent) and offers the results. */
    async run(documentIds?: readonly DocId[]): Promise<Outcome<MachineRunSummary>> {
      if (!enabled()) return refusal('Machine suggestions are turned off in the settings.');
      if (tasks.ofKind('suggest') !== undefined)
        return refusal('Tags are being suggested already; wait for it or cancel it.');
      const result = await tasks.run('suggest', (taskId) =>
        api['suggestions:machine'](
          documentIds === undefined ? { taskId } : { taskId, documentIds: [...documentIds] },
        ),
      );
      if (!result.ok) return result;
      for (const doc of result.value.documents) suggestions.offer(doc.docId as DocId, doc.suggestions);
      const summary = summarizeRun(result.value);
      lastRun.set(summary);
      return { ok: true, value: summary };
    },
  };
}

export type MachineSuggestionStore = ReturnType<typeof createMachineSuggestionStore>;
