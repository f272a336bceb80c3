// Search hits as keyword-in-context lines (src/renderer/components): a virtualized listbox — one Tab stop,
// arrow keys move the current hit, Enter (or a click) jumps to it in the text — showing the document's title
// for corpus searches and the label of annotation hits, so colour is never the only cue.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { LabelDef } from '@shared/model';
import type { SearchHit } from '@shared/search';

const ROW_HEIGHT = 58;

export interface SearchHitListProps {
  hits: readonly SearchHit[];
  active: number;
  labels: readonly LabelDef[];
  /** Jump to the hit (Enter, click). */
  onChoose: (index: number) => void;
  /** Make the hit current without leaving the list (arrow keys). */
  onSelect: (index: number) => void;
}

export function SearchHitList({ hits, active, labels, onChoose, onSelect }: SearchHitListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  useEffect(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, virtualizer]);
  const names = new Map(labels.map((l) => [l.id, l.name]));
  const several = new Set(hits.map((h) => h.docId)).size > 1;

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    const clamp = (index: number) => Math.max(0, Math.min(hits.length - 1, index));
    if (event.key in moves) onSelect(clamp((active < 0 ? -1 : active) + moves[event.key]!));
    else if (event.key === 'Home') onSelect(0);
    else if (event.key === 'End') onSelect(hits.length - 1);
    else if (event.key === 'Enter' && active >= 0) onChoose(active);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  if (hits.length === 0) return null;
  return (
    <div
      ref={scroller}
      className="hit-list"
      role="listbox"
      aria-label="Search hits"
      tabIndex={0}
      aria-activedescendant={active >= 0 ? `search-hit-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="span-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const hit = hits[item.index]!;
          return (
            <div
              key={item.key}
              id={`search-hit-${item.index}`}
              role="option"
              aria-selected={item.index === active}
              className="hit-row"
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => onChoose(item.index)}
            >
              {(several || hit.span !== undefined) && (
                <span className="hit-where">
                  {several && <span className="hit-title">{hit.title}</span>}
                  {hit.span !== undefined && (
                    <span className={`hit-label tw-chip-${hit.span.label}`}>
                      {names.get(hit.span.label) ?? hit.span.label} · {hit.span.layer}
                    </span>
                  )}
                </span>
              )}
              <span className="hit-line">
                {hit.before}
                <mark>{hit.match}</mark>
                {hit.after}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
