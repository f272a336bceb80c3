// The span list (src/renderer/components): the open document's spans in text order, filterable by label;
// choosing a row selects the span and scrolls the text to it.
import { memo } from 'react';
import type { LabelDef, Span, SpanId } from '@shared/model';
import { useStore } from '../hooks/use-store';
import { focusSpan } from '../stores/annotation-store';
import { hiddenLabels, toggleLabelHidden } from '../stores/ui-store';

export interface SpanPanelProps {
  spans: readonly Span[];
  focusedId: SpanId | null;
  labels: readonly LabelDef[];
}

const SpanRow = memo(function SpanRow({
  span,
  label,
  focused,
}: {
  span: Span;
  label: string;
  focused: boolean;
}) {
  return (
    <li>
      <button
        type="button"
        className={`span-row tw-chip-${span.label}`}
        aria-current={focused ? 'true' : undefined}
        onClick={() => focusSpan(span.id)}
      >
        <span className="span-row-label">{label}</span>
        <span className="span-row-quote">{span.quote}</span>
        {span.note !== '' && (
          <span className="span-row-note" aria-label="has a note">
            ✎
          </span>
        )}
      </button>
    </li>
  );
});

export function SpanPanel({ spans, focusedId, labels }: SpanPanelProps) {
  const hidden = useStore(hiddenLabels);
  const names = new Map(labels.map((l) => [l.id, l.name]));
  const visible = spans.filter((s) => !hidden.has(s.label));
  return (
    <section className="span-panel" aria-label="Spans">
      <div className="span-filter" role="group" aria-label="Show labels">
        {labels.map((label) => (
          <button
            key={label.id}
            type="button"
            className={`filter-chip tw-chip-${label.id}`}
            aria-pressed={!hidden.has(label.id)}
            onClick={() => toggleLabelHidden(label.id)}
          >
            {label.name} {spans.filter((s) => s.label === label.id).length}
          </button>
        ))}
      </div>
      <p className="span-count">
        {visible.length} of {spans.length} spans
      </p>
      <ol className="span-list" aria-label="Spans in text order">
        {visible.map((span) => (
          <SpanRow
            key={span.id}
            span={span}
            label={names.get(span.label) ?? span.label}
            focused={span.id === focusedId}
          />
        ))}
      </ol>
    </section>
  );
}
