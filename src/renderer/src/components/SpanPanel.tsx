// The span list (src/renderer/components): one layer's spans in text order as a virtualized listbox — one Tab
// stop, arrow keys move the selection (which the text follows), and only the rows on screen exist in the DOM.
// The "Show" toggles hide labels from the list, the highlights and n/p alike. In the analyst's own layer a
// row can be dragged onto another to link the two spans (the schema decides the type and direction).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type DragEvent, type KeyboardEvent } from 'react';
import type { LabelDef, LayerId, Span } from '@shared/model';
import { applyLink, candidateBetween } from '../actions/link-actions';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import { useStoreAfterPaint } from '../hooks/use-store-after-paint';
import type { DocumentSession } from '../stores/document-session';

export interface SpanPanelProps {
  session: DocumentSession;
  layer: LayerId;
  labels: readonly LabelDef[];
}

const ROW_HEIGHT = 46;

export function optionId(spanId: string): string {
  return `span-option-${spanId}`;
}

/**
 * Memoised, and re-rendered only after the text has painted (useStoreAfterPaint): with 50,000 spans its
 * render is the largest piece of React work a tag causes, and none of it is needed to see the new tag.
 */
export const SpanPanel = memo(function SpanPanel({ session, layer, labels }: SpanPanelProps) {
  const services = useServices();
  useStoreAfterPaint(session.version);
  const all = session.layer(layer).snapshotSpans();
  const focused = useStoreAfterPaint(session.focused);
  const hidden = useStore(services.ui.hiddenLabels);
  const names = useMemo(() => new Map(labels.map((l) => [l.id, l.name])), [labels]);
  const visible = useMemo(() => all.filter((s) => !hidden.has(s.label)), [all, hidden]);
  const counts = useMemo(() => countLabels(all), [all]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const activeIndex = focused?.layer === layer ? visible.findIndex((s) => s.id === focused.spanId) : -1;

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const select = (index: number) => {
    const span = visible[Math.max(0, Math.min(visible.length - 1, index))];
    if (span !== undefined) session.focus({ layer, spanId: span.id });
  };
  /** A row dropped on another: link them if the schema allows a relation between their labels. */
  const linkFrom = (sourceId: string, target: Span) => {
    const source = session.layer(layer).span(sourceId);
    if (source === undefined || source.id === target.id) return;
    const candidate = candidateBetween(services.context(), source, target);
    if (candidate === undefined) {
      const message = `No relation type links ${source.label} and ${target.label} (or they are linked already).`;
      return services.workspace.notify({ kind: 'error', message });
    }
    applyLink(services.context(), candidate);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) select((activeIndex < 0 ? -1 : activeIndex) + moves[event.key]!);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(visible.length - 1);
    else if (event.key === 'Enter' && activeIndex >= 0) services.editor.get()?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <section className="span-panel" aria-label="Spans">
      <fieldset className="span-filter">
        <legend>Show</legend>
        {labels.map((label) => (
          <label key={label.id} className="filter-toggle">
            <input
              type="checkbox"
              checked={!hidden.has(label.id)}
              onChange={() => services.ui.toggleLabelHidden(label.id)}
            />
            <span className={`swatch tw-swatch-${label.id}`} aria-hidden="true" />
            {label.name} <span className="filter-count">({counts.get(label.id) ?? 0})</span>
          </label>
        ))}
      </fieldset>
      <p className="span-count">
        {visible.length} of {all.length} spans
      </p>
      <div
        ref={scroller}
        className="span-list"
        role="listbox"
        aria-label="Spans in text order"
        tabIndex={0}
        aria-activedescendant={activeIndex >= 0 ? optionId(visible[activeIndex]!.id) : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="span-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const span = visible[item.index]!;
            return (
              <SpanRow
                key={span.id}
                span={span}
                label={names.get(span.label) ?? span.label}
                selected={item.index === activeIndex}
                top={item.start}
                onSelect={() => select(item.index)}
                onLinkFrom={layer === session.editableLayer ? linkFrom : undefined}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
});

const DRAGGED_SPAN = 'application/x-tagwright-span';

interface SpanRowProps {
  span: Span;
  label: string;
  selected: boolean;
  top: number;
  onSelect: () => void;
  /** Present in the analyst's own layer: a row dropped on this one links the two spans and selects it. */
  onLinkFrom: ((sourceId: string, target: Span) => void) | undefined;
}

function SpanRow({ span, label, selected, top, onSelect, onLinkFrom }: SpanRowProps) {
  const attributes = Object.entries(span.attributes);
  const droppable = (event: DragEvent) =>
    onLinkFrom !== undefined && event.dataTransfer.types.includes(DRAGGED_SPAN);
  return (
    <div
      id={optionId(span.id)}
      role="option"
      aria-selected={selected}
      className={`span-row tw-chip-${span.label}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onSelect}
      draggable={onLinkFrom !== undefined}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAGGED_SPAN, span.id);
        event.dataTransfer.effectAllowed = 'link';
      }}
      onDragOver={(event) => {
        if (!droppable(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'link';
      }}
      onDrop={(event) => {
        if (!droppable(event)) return;
        event.preventDefault();
        onLinkFrom?.(event.dataTransfer.getData(DRAGGED_SPAN), span);
        // The drop target becomes the selected span, so its details show the new link.
        onSelect();
      }}
    >
      <span className="span-row-label">{label}</span>
      <span className="span-row-quote">{span.quote}</span>
      {attributes.length > 0 && (
        <span className="span-row-attributes">{attributes.map(([, value]) => value).join(' · ')}</span>
      )}
      {span.note !== '' && (
        <span className="span-row-note" aria-label="has a note" title={span.note}>
          ✎
        </span>
      )}
    </div>
  );
}

function countLabels(spans: readonly Span[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
  return counts;
}
