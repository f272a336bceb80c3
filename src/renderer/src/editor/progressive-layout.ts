// Lays a long text out in idle time after it opens (src/renderer/editor). Paragraphs start with
// `content-visibility: auto`, so the first frame lays out only what is on screen; then a growing prefix of
// paragraphs loses it, a chunk per idle period, until none has it. Why not keep it: Chromium tracks every such
// paragraph with an intersection observer on every frame, so with thousands of them a scroll step costs
// 2–2.5x what the same text costs once laid out; with no content-visibility at all, opening 1 MB lays out the
// whole text first and takes 1.4–2.7x as long (docs/performance.md has both runs). The rule lives in a
// constructable stylesheet (the CSP allows those; it forbids inline styles), never on ProseMirror's nodes.

/** Paragraphs laid out per idle period: about 30 KB of text, a few milliseconds of layout. */
const CHUNK = 60;

export interface ProgressiveLayout {
  destroy(): void;
}

/** The rule keeping paragraphs from the `first`-th (1-based) on skipped while off screen. */
function skipFrom(first: number): string {
  return `.tw-document > .tw-para:nth-child(n+${first}) { content-visibility: auto; contain-intrinsic-size: auto 5em; }`;
}

export function progressiveLayout(doc: Document, paragraphs: number): ProgressiveLayout {
  const sheet = new doc.defaultView!.CSSStyleSheet();
  sheet.replaceSync(skipFrom(1));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const view = doc.defaultView!;
  let laidOut = 0;
  let pending: number | null = null;
  const remove = (): void => {
    if (pending !== null) view.cancelIdleCallback(pending);
    pending = null;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  const step = (): void => {
    laidOut += CHUNK;
    if (laidOut >= paragraphs) return remove();
    sheet.replaceSync(skipFrom(laidOut + 1));
    pending = view.requestIdleCallback(step);
  };
  pending = view.requestIdleCallback(step);
  return { destroy: remove };
}
