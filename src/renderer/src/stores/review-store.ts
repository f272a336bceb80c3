// Review mode in the renderer (src/renderer/stores): which two layers are compared (A below the text, B
// above), the compare counts per document from main, the current item, the reason for the next decisions,
// and "edit" mode (the next tag goes into gold for the item being decided). Agreement figures and the
// disagreements behind them come from main, the same report the CLI prints.
import type { AgreementReport, Disagreement, FigureAddress } from '@shared/agreement';
import type { CompareSummary } from '@shared/api';
import type { DocId, LayerId } from '@shared/model';
import type { ReviewItem } from '@shared/review/adjudication';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';
import type { Outcome } from './exchange-store';

export interface ReviewState {
  a: LayerId;
  b: LayerId;
  summary: CompareSummary | null;
  /** The item being decided in the open document (its index among the document's items). */
  current: number | null;
  reason: string;
  /** Edit mode: the next tag becomes a gold span standing for this item's spans. */
  editing: ReviewItem | null;
}

export function createReviewStore(api: TagwrightApi) {
  const state = observable<ReviewState | null>(null);
  const patch = (change: Partial<ReviewState>) => {
    const current = state.get();
    if (current !== null) state.set({ ...current, ...change });
  };

  const refreshSummary = async (): Promise<void> => {
    const current = state.get();
    if (current === null) return;
    const result = await api['review:compare']({ a: current.a, b: current.b });
    const now = state.get();
    if (result.ok && now !== null && now.a === current.a && now.b === current.b)
      patch({ summary: result.value });
  };

  return {
    state,
    async open(a: LayerId, b: LayerId): Promise<void> {
      state.set({ a, b, summary: null, current: null, reason: '', editing: null });
      await refreshSummary();
    },
    close: () => state.set(null),
    setCurrent: (current: number | null) => patch({ current }),
    setReason: (reason: string) => patch({ reason }),
    setEditing: (editing: ReviewItem | null) => patch({ editing }),
    refreshSummary,

    /** Replaces one document's counts after a decision (no round trip for what the window knows). */
    updateDocument(docId: DocId, entry: CompareSummary['documents'][number]): void {
      const current = state.get();
      if (current === null || current.summary === null) return;
      const documents = current.summary.documents.map((d) => (d.docId === docId ? entry : d));
      patch({ summary: { ...current.summary, documents } });
    },

    /** Every figure between the layers; with a task id it reports progress and can be cancelled. */
    agreement(layers: string[], taskId?: string): Promise<Outcome<AgreementReport>> {
      return api['review:agreement']({ layers, labels: [], ...(taskId === undefined ? {} : { taskId }) });
    },

    disagreements(address: FigureAddress): Promise<Outcome<Disagreement[]>> {
      return api['review:disagreements']({ address: address as never });
    },
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
