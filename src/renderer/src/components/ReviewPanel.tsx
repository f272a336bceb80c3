// The review panel (src/renderer/components): which layers are compared (A below the text, B above), what the
// open document's items are — matches, boundary and label mismatches, spans only one layer has — and which are
// settled in gold; the decision buttons (each with its key), the reason for the next decisions, merging every
// agreement in one step, the document's curation status, and the agreement figures.
import { useEffect, useMemo, useRef } from 'react';
import type { WorkspaceView } from '@shared/api';
import { GOLD_LAYER, documentStatuses, ownEntry, type DocumentStatus, type LayerId } from '@shared/model';
import { isSettled, proposalKey, type ReviewItem } from '@shared/review/adjudication';
import { currentItems, settledSet } from '../actions/review-actions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';
import type { ReviewState } from '../stores/review-store';
import { CommandButton } from './CommandButton';

export const KIND_WORDS: Record<ReviewItem['kind'], string> = {
  match: 'Match',
  boundary: 'Boundaries differ',
  label: 'Labels differ',
  'only-a': 'Only in A',
  'only-b': 'Only in B',
};

export function ReviewPanel({
  session,
  view,
  review,
}: {
  session: DocumentSession;
  view: WorkspaceView;
  review: ReviewState;
}) {
  const services = useServices();
  const version = useStore(session.version);
  const names = new Map(view.annotators.map((a) => [a.id as string, a.name]));
  const nameOf = (id: string) => (id === GOLD_LAYER ? 'Gold' : (names.get(id) ?? id));
  const labelNames = new Map(view.labelSchema.labels.map((l) => [l.id, l.name]));
  // The layers change in place; `version` says when.
  const items = useMemo(
    () => (version >= 0 ? currentItems(session, review.a, review.b) : []),
    [session, review.a, review.b, version],
  );
  const decided = useMemo(() => (version >= 0 ? settledSet(session) : new Set<string>()), [session, version]);
  const settled = items.filter((item) => isSettled(item, review, decided)).length;
  const summary = view.documents.find((d) => d.id === session.docId);
  const curation = (summary && ownEntry(summary.status, GOLD_LAYER)) ?? 'new';
  const currentRow = useRef<HTMLLIElement>(null);
  const currentIndex = review.current;
  useEffect(() => {
    // Braces matter: scrollIntoView returns a promise in current Chromium, and an effect may return only a function.
    currentRow.current?.scrollIntoView({ block: 'nearest' });
  }, [currentIndex]);

  const choose = (which: 'a' | 'b') => (event: React.ChangeEvent<HTMLSelectElement>) => {
    const next = { a: review.a, b: review.b, [which]: event.target.value as LayerId };
    if (next.a !== next.b) void services.review.open(next.a, next.b);
  };
  const layerOptions = [...view.annotators.map((a) => a.id as string), GOLD_LAYER];
  const proposal = (layer: LayerId, span: ReviewItem['a']) =>
    span === null
      ? '—'
      : `${labelNames.get(span.label) ?? span.label} “${span.quote}”${decided.has(proposalKey(layer, span.id)) ? ' ✓' : ''}`;

  return (
    <section className="review-panel" aria-label="Review">
      <div className="review-layers">
        {(['a', 'b'] as const).map((side) => (
          <label key={side} className="field-inline">
            {side === 'a' ? 'A (below the text)' : 'B (above the text)'}
            <select value={review[side]} onChange={choose(side)}>
              {layerOptions.map((id) => (
                <option key={id} value={id}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <CommandButton id="review.close" label="Close review" />
      </div>
      <p role="status" className="review-progress">
        {settled} of {items.length} settled in gold · {items.filter((i) => i.kind === 'match').length} agree,{' '}
        {items.filter((i) => i.kind !== 'match').length} disagree
      </p>
      <div className="review-actions">
        <CommandButton id="review.merge" label="Merge agreements into gold" />
        <button type="button" onClick={() => services.ui.dialog.set('agreement')}>
          Agreement figures…
        </button>
        <label className="field-inline">
          Curation
          <select
            value={curation}
            onChange={(event) =>
              void services.workspace.setStatus(
                session.docId,
                event.target.value as DocumentStatus,
                GOLD_LAYER,
              )
            }
          >
            {documentStatuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        Reason for the next decisions (optional)
        <input
          value={review.reason}
          onChange={(event) => services.review.setReason(event.target.value)}
          maxLength={2000}
        />
      </label>
      <div className="review-decisions" role="toolbar" aria-label="Decide">
        <CommandButton id="review.previous" label="Previous" />
        <CommandButton id="review.accept-a" label="Accept A" />
        <CommandButton id="review.accept-b" label="Accept B" />
        <CommandButton id="review.accept-both" label="Accept both" />
        <CommandButton id="review.reject" label="Reject" />
        <CommandButton id="review.edit" label="Edit" />
        <CommandButton id="review.next" label="Next" />
      </div>
      {review.editing !== null && (
        <p role="status" className="review-editing">
          Editing: select the text for the gold span and press a label key.
        </p>
      )}
      <ol className="review-items" aria-label="Items to decide">
        {items.map((item, index) => (
          <li
            key={`${item.a?.id ?? ''}:${item.b?.id ?? ''}`}
            ref={index === review.current ? currentRow : undefined}
            aria-current={index === review.current ? 'true' : undefined}
            className={`review-item review-${item.kind}${isSettled(item, review, decided) ? ' review-settled' : ''}`}
          >
            <button
              type="button"
              onClick={() => {
                services.review.setCurrent(index);
                const span = item.a ?? item.b;
                if (span !== null)
                  session.focus({ layer: item.a !== null ? review.a : review.b, spanId: span.id });
              }}
            >
              <span className="review-kind">{KIND_WORDS[item.kind]}</span>
              <span>A: {proposal(review.a, item.a)}</span>
              <span>B: {proposal(review.b, item.b)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
