// Flat drawing of one layer's spans (src/renderer/editor, pure): the text is cut at every span boundary into
// runs, and each run lists the spans covering it with their track. Tracks come from overlap, not nesting: two
// spans that share any character get different tracks, so each keeps its own visible line over its whole
// extent (a claim and a condition that partly overlap both show in the shared words). One element per run,
// never one per span, keeps the DOM flat however deeply spans nest.

export interface RunSpan {
  id: string;
  label: string;
  start: number;
  end: number;
}

/** Text order: by start, the longer (outer) span first, then by id, so the order is total. */
export function byStart(a: RunSpan, b: RunSpan): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface Run {
  start: number;
  end: number;
  /** Covering spans (with their own extents), lowest track first. */
  covering: (RunSpan & { track: number })[];
}

/**
 * Greedy interval colouring in text order: each span takes the lowest track free at its start. Spans that
 * overlap never share a track; an outer span gets a lower track than the spans that start inside it.
 */
export function assignTracks(spans: readonly RunSpan[]): Map<string, number> {
  const sorted = [...spans].sort(byStart);
  const tracks = new Map<string, number>();
  /** End offset of the span currently holding each track (-1: free). */
  const busyUntil: number[] = [];
  for (const span of sorted) {
    let track = busyUntil.findIndex((end) => end <= span.start);
    if (track < 0) track = busyUntil.length;
    busyUntil[track] = span.end;
    tracks.set(span.id, track);
  }
  return tracks;
}

/** Cuts [spans' extent] into runs at every boundary; runs no span covers are left out. */
export function computeRuns(spans: readonly RunSpan[], tracks: ReadonlyMap<string, number>): Run[] {
  if (spans.length === 0) return [];
  const events: { at: number; span: RunSpan; opens: boolean }[] = [];
  for (const span of spans) {
    if (span.end <= span.start) continue;
    events.push({ at: span.start, span, opens: true }, { at: span.end, span, opens: false });
  }
  events.sort((a, b) => a.at - b.at);
  const open = new Map<string, RunSpan>();
  const runs: Run[] = [];
  let i = 0;
  while (i < events.length) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i++) {
      const event = events[i]!;
      if (event.opens) open.set(event.span.id, event.span);
      else open.delete(event.span.id);
    }
    const next = events[i]?.at;
    if (next === undefined || open.size === 0) continue;
    const covering = [...open.values()]
      .map((s) => ({ id: s.id, label: s.label, start: s.start, end: s.end, track: tracks.get(s.id) ?? 0 }))
      .sort((a, b) => a.track - b.track || (a.id < b.id ? -1 : 1));
    runs.push({ start: at, end: next, covering });
  }
  return runs;
}
