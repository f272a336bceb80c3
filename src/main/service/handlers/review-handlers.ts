// Service handlers of review (src/main): agreement figures and the disagreements behind them (computed on the
// worker thread over the documents every compared layer worked on), compare counts per document with how much
// of each is settled in gold, rejecting proposals, and comment threads.
import { WorkbenchError, type CompareSummary } from '@shared/api';
import { AgreementInputError, checkAddress, comparisonCounts, compareLayers } from '@shared/agreement';
import {
  ownEntry,
  summarizeDocument,
  type CommentId,
  type DocId,
  type Layer,
  type LayerId,
} from '@shared/model';
import { decidedProposals, isSettled, proposalKey, reviewItems } from '@shared/review/adjudication';
import { JobCancelledError } from '../../workers/job-runner';
import type { ServiceHandlers } from '../dispatch';
import { agreementCorpus } from '../review/agreement-corpus';
import type { ServiceContext } from '../service-context';
import { cancelledError } from '../tasks';

type ReviewHandlers = Pick<
  ServiceHandlers,
  | 'review:agreement'
  | 'review:disagreements'
  | 'review:compare'
  | 'review:decide'
  | 'comments:add'
  | 'comments:remove'
>;

const AGREEMENT_BUDGET_MS = 10 * 60_000;
const EMPTY: Layer = { spans: [], relations: [] };

/** Every figure compares distinct layers; naming one twice is the caller's mistake, answered before any work. */
function assertDistinct(layers: readonly string[]): void {
  const twice = layers.find((layer, i) => layers.indexOf(layer) !== i);
  if (twice !== undefined)
    throw new WorkbenchError('invalid-request', `Layer "${twice}" is listed twice; compare distinct layers.`);
}

export function reviewHandlers(ctx: ServiceContext): ReviewHandlers {
  const labelsOf = (requested: readonly string[]) =>
    requested.length > 0 ? requested : ctx.store.workspace().labelSchema.labels.map((l) => l.id);
  const job = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof JobCancelledError) throw cancelledError();
      throw error;
    }
  };
  return {
    'review:agreement': ({ layers, labels, taskId }, caller) =>
      ctx.tasks.run(taskId, caller.clientId, async (task) => {
        assertDistinct(layers);
        const documents = await agreementCorpus(ctx.store, layers, task);
        if (documents.length === 0) {
          throw new WorkbenchError(
            'not-found',
            `No document has been worked on in every one of the layers ${layers.join(', ')}.`,
          );
        }
        task.progress('Computing agreement', 0, 1);
        const relationTypes = ctx.store.workspace().labelSchema.relationTypes.map((t) => t.id);
        return job(() =>
          ctx.runJob(
            'agreement',
            { documents, layers, options: { labels: labelsOf(labels), relationTypes } },
            { signal: task.signal, budgetMs: AGREEMENT_BUDGET_MS },
          ),
        );
      }),

    'review:disagreements': async ({ address }, caller) =>
      ctx.tasks.run(undefined, caller.clientId, async (task) => {
        // The caller's mistakes are answered here; the worker's failures are then the app's own.
        assertDistinct(address.layers);
        try {
          checkAddress(address);
        } catch (error) {
          if (error instanceof AgreementInputError)
            throw new WorkbenchError('invalid-request', error.message);
          throw error;
        }
        const documents = await agreementCorpus(ctx.store, address.layers, task, address.documentId);
        if (address.documentId !== undefined && documents.length === 0) {
          throw new WorkbenchError(
            'not-found',
            `There is no document "${address.documentId}" worked on in every one of the layers ${address.layers.join(', ')}.`,
          );
        }
        return job(() =>
          ctx.runJob('disagreements', { documents, address, options: {} }, { budgetMs: AGREEMENT_BUDGET_MS }),
        );
      }),

    'review:compare': ({ a, b, taskId }, caller) =>
      ctx.tasks.run(taskId, caller.clientId, async (task) => {
        const summaries = ctx.store.documents();
        const summary: CompareSummary = { a, b, documents: [] };
        for (const [index, entry] of summaries.entries()) {
          task.checkpoint();
          task.progress('Comparing documents', index, summaries.length);
          const doc = await ctx.store.readDocument(entry.id as DocId).catch(() => null);
          if (doc === null) continue;
          const layerA = ownEntry(doc.layers, a) ?? EMPTY;
          const layerB = ownEntry(doc.layers, b) ?? EMPTY;
          const items = reviewItems(layerA, layerB);
          const decided = decidedProposals(ownEntry(doc.layers, 'gold'), doc.reviewRejections);
          const settled = (item: (typeof items)[number]) =>
            isSettled(item, { a: a as LayerId, b: b as LayerId }, decided);
          summary.documents.push({
            docId: doc.id,
            counts: comparisonCounts(compareLayers(layerA, layerB)),
            items: items.length,
            settled: items.filter(settled).length,
            openDisagreements: items.filter((item) => item.kind !== 'match' && !settled(item)).length,
          });
        }
        return summary;
      }),

    'review:decide': async ({ docId, reject, unreject, reason }, caller) => {
      const me = ctx.requireLocal();
      const now = ctx.now().toISOString();
      const doc = await ctx.store.updateDocument(docId, (draft) => {
        const remove = new Set([...reject, ...unreject].map((p) => proposalKey(p.layer, p.id)));
        draft.reviewRejections = draft.reviewRejections.filter(
          (r) => !remove.has(proposalKey(r.layer, r.id)),
        );
        for (const proposal of reject) {
          const layer = ownEntry(draft.layers, proposal.layer);
          if (layer?.spans.some((s) => s.id === proposal.id) !== true) {
            throw new WorkbenchError(
              'not-found',
              `There is no span ${proposal.id} in the layer ${proposal.layer}.`,
            );
          }
          draft.reviewRejections.push({ ...proposal, decidedBy: me, decidedAt: now, reason });
        }
      });
      const summary = summarizeDocument(doc);
      ctx.events.publish({ kind: 'documents-reloaded', docIds: [docId] }, caller.clientId);
      return { summary, revision: doc.revision };
    },

    'comments:add': async ({ docId, target, text }, caller) => {
      const me = ctx.requireLocal();
      const doc = await ctx.store.updateDocument(docId, (draft) => {
        const layer = ownEntry(draft.layers, target.layer);
        const exists =
          target.kind === 'span'
            ? layer?.spans.some((s) => s.id === target.id)
            : layer?.relations.some((r) => r.id === target.id);
        if (exists !== true)
          throw new WorkbenchError(
            'not-found',
            `There is no ${target.kind} ${target.id} in the layer ${target.layer}.`,
          );
        const id = `m${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}` as CommentId;
        draft.comments.push({ id, target, author: me, at: ctx.now().toISOString(), text });
      });
      ctx.events.publish({ kind: 'documents-reloaded', docIds: [docId] }, caller.clientId);
      return doc.comments;
    },

    'comments:remove': async ({ docId, commentId }, caller) => {
      const me = ctx.requireLocal();
      const doc = await ctx.store.updateDocument(docId, (draft) => {
        const comment = draft.comments.find((c) => c.id === commentId);
        if (comment === undefined) throw new WorkbenchError('not-found', `There is no comment ${commentId}.`);
        if (comment.author !== me)
          throw new WorkbenchError('conflict', 'Only the author can remove a comment.');
        draft.comments = draft.comments.filter((c) => c.id !== commentId);
      });
      ctx.events.publish({ kind: 'documents-reloaded', docIds: [docId] }, caller.clientId);
      return doc.comments;
    },
  };
}
