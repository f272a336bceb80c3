// Service handlers behind suggestions (src/main): the whole-word occurrences of a tagged text in the other
// documents (not already tagged with that label, not turned down before), the offline suggester's proposals
// (a task on the worker thread; refused when the user turned machine suggestions off), writing them as a
// named layer (the CLI), and remembering a suggestion the analyst rejected so it is never offered again.
import { WorkbenchError } from '@shared/api';
import { occurrenceSuggestions, ownEntry, type RejectedSuggestion, type Suggestion } from '@shared/model';
import { checkRange } from '@shared/text';
import type { ServiceHandlers } from '../dispatch';
import { forEachDocument } from '../corpus';
import { suggestForDocuments } from '../machine-suggestions';
import type { ServiceContext } from '../service-context';
import { writeSuggestionsToLayer } from '../suggestion-layer';

type SuggestionHandlers = Pick<
  ServiceHandlers,
  'suggestions:find' | 'suggestions:machine' | 'suggestions:write-layer' | 'suggestions:reject'
>;

/** The corpus search stops after this many suggestions (it says so). */
const MAX_CORPUS_SUGGESTIONS = 2000;

export function suggestionHandlers(ctx: ServiceContext): SuggestionHandlers {
  return {
    'suggestions:find': async ({ label, quote, exceptDocId }) => {
      const me = ctx.requireLocal();
      const labelName = ctx.store.workspace().labelSchema.labels.find((l) => l.id === label)?.name;
      if (labelName === undefined)
        throw new WorkbenchError('invalid-request', `There is no label "${label}".`);
      const documents: { docId: string; title: string; suggestions: Suggestion[] }[] = [];
      let total = 0;
      let truncated = false;
      const others = ctx.store.documents().filter((s) => s.id !== exceptDocId);
      await forEachDocument(
        ctx.store,
        (doc) => {
          if (truncated) return;
          const spans = ownEntry(doc.layers, me)?.spans ?? [];
          const found = occurrenceSuggestions(
            { label, quote, labelName },
            { text: doc.text, spans, rejected: doc.rejectedSuggestions, layer: me },
          );
          if (found.length === 0) return;
          const room = MAX_CORPUS_SUGGESTIONS - total;
          truncated = found.length > room;
          documents.push({ docId: doc.id, title: doc.title, suggestions: found.slice(0, room) });
          total += Math.min(room, found.length);
        },
        others,
      );
      return { documents, truncated };
    },

    'suggestions:machine': async ({ documentIds, taskId }, caller) => {
      if (!ctx.preferences.get().suggestions)
        throw new WorkbenchError('conflict', 'Machine suggestions are turned off in the settings.');
      const layer = ctx.requireLocal();
      return ctx.tasks.run(taskId, caller.clientId, (task) =>
        suggestForDocuments(ctx, { layer, documentIds }, task),
      );
    },

    'suggestions:write-layer': async ({ layer, documentIds, taskId }, caller) =>
      ctx.tasks.run(taskId, caller.clientId, (task) =>
        writeSuggestionsToLayer(ctx, { layer, documentIds }, task),
      ),

    'suggestions:reject': async ({ docId, label, start, end }) => {
      const me = ctx.requireLocal();
      const doc = await ctx.store.updateDocument(docId, (draft) => {
        const problem = checkRange(draft.text, start, end);
        if (problem !== null)
          throw new WorkbenchError('invalid-request', `Cannot reject that suggestion: ${problem}.`);
        const rejected: RejectedSuggestion = { layer: me, label, start, end };
        const known = draft.rejectedSuggestions.some(
          (r) => r.layer === me && r.label === label && r.start === start && r.end === end,
        );
        if (!known) draft.rejectedSuggestions.push(rejected);
      });
      return { rejected: doc.rejectedSuggestions.filter((r) => r.layer === me).length };
    },
  };
}
