// Who said what in the open document (src/renderer/components): one card per frame — a claim with the
// actors who say it, its conditions and attributes — beside the text, never over it. Pointing at a card (or
// tabbing into it) draws its spans emphasised in the text; its buttons select a span. Only the cards on
// screen exist in the DOM, so a long report with thousands of claims costs what fits in the panel.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import {
  documentFrames,
  speakerTypes,
  speakersOf,
  type FrameRow,
  type LabelSchema,
  type LayerId,
} from '@shared/model';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';
import { CommandButton } from './CommandButton';

export interface FramePanelProps {
  session: DocumentSession;
  layer: LayerId;
  schema: LabelSchema;
}

export function FramePanel({ session, layer, schema }: FramePanelProps) {
  const version = useStore(session.version);
  const frames = useMemo(() => {
    void version; // the layer is mutated in place; the version says when
    return documentFrames(session.record, layer, session.layer(layer), schema);
  }, [session, layer, schema, version]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: frames.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 4,
  });
  const linked = frames.filter((f) => f.links.length > 0).length;
  return (
    <section className="frame-panel" aria-label="Frames">
      <div className="frame-tools">
        <p className="span-count">
          {frames.length} claim{frames.length === 1 ? '' : 's'}, {linked} linked
        </p>
        <span className="frame-tool-buttons">
          <CommandButton id="claims.open" label="Claims…" />
          <CommandButton id="actors.open" label="Actors…" />
        </span>
      </div>
      {frames.length === 0 && (
        <p className="hint">
          Tag a claim, select it and press L to link it to the actor before it (Shift+L to choose).
        </p>
      )}
      <div ref={scroller} className="frame-list" role="list" aria-label="Frames in text order">
        <div className="span-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={frames[item.index]!.target.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="frame-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <FrameCard session={session} layer={layer} schema={schema} frame={frames[item.index]!} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

function FrameCard(props: {
  session: DocumentSession;
  layer: LayerId;
  schema: LabelSchema;
  frame: FrameRow;
}) {
  const { session, layer, schema, frame } = props;
  const services = useServices();
  const speakers = speakerTypes(schema);
  const names = speakersOf(frame, speakers);
  const others = frame.links.filter((l) => !speakers.includes(l.type));
  const ids = [frame.target.id, ...frame.links.flatMap((l) => l.ends.map((e) => e.spanId))];
  const emphasise = (on: boolean) => services.ui.emphasis.set(on ? ids : []);
  const select = (spanId: string) => session.focus({ layer, spanId: spanId as never });
  const typeName = (type: string) => schema.relationTypes.find((t) => t.id === type)?.name ?? type;
  const attributes = Object.values(frame.target.attributes);
  return (
    <article
      role="listitem"
      className="frame-card"
      aria-label={`${names.join(', ') || 'No actor'}: ${frame.target.quote}`}
      onMouseEnter={() => emphasise(true)}
      onMouseLeave={() => emphasise(false)}
      onFocus={() => emphasise(true)}
      onBlur={() => emphasise(false)}
    >
      <div className="frame-speakers">
        {names.length === 0 ? (
          <span className="hint">no actor linked</span>
        ) : (
          speakers.flatMap((type) =>
            frame.links
              .filter((l) => l.type === type)
              .flatMap((l) => l.ends)
              .map((end) => (
                <button
                  key={end.relationId}
                  type="button"
                  className={`frame-end tw-chip-${end.label}`}
                  onClick={() => select(end.spanId)}
                >
                  {end.name}
                </button>
              )),
          )
        )}
        <span className="hint">{speakers.map(typeName).join('/')}</span>
      </div>
      <button
        type="button"
        className={`frame-claim tw-chip-${frame.target.label}`}
        onClick={() => select(frame.target.id)}
      >
        {frame.target.quote}
      </button>
      {others.map((group) => (
        <div key={group.type} className="frame-links">
          <span className="hint">{typeName(group.type)}:</span>
          {group.ends.map((end) => (
            <button
              key={end.relationId}
              type="button"
              className={`frame-end tw-chip-${end.label}`}
              onClick={() => select(end.spanId)}
            >
              {end.name}
            </button>
          ))}
        </div>
      ))}
      {attributes.length > 0 && <p className="frame-attributes">{attributes.join(' · ')}</p>}
    </article>
  );
}
