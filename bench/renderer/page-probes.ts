// Functions the renderer benchmark runs inside the page (bench/, browser side): they are serialized by
// Playwright's page.evaluate, so each is self-contained (no imports, no module constants). Times are taken
// in the page with performance.now(), and every measured step is marked `tw-start:<n>` (its trigger),
// `tw-frame:<n>` (in the frame that paints it) and `tw-end:<n>` (a task after that frame), so a Chromium
// trace can sum the main thread's busy time up to the painted frame and up to the end (trace.ts).
// They work on Tagwright's page and on the bare ProseMirror baseline alike: both draw spans as elements
// with `data-span-ids` inside the textbox named "Document text", one <p> per paragraph.

/** Milliseconds from the trigger (key press) to the DOM change, and to the frame after it. */
export interface ChangeTiming {
  domMs: number;
  frameMs: number;
  spanId: string;
  /** Text of the new span's element (empty for a removal): checks that the intended words were tagged. */
  text: string;
}

export interface ParagraphRange {
  para: number;
  from: number;
  to: number;
}

export type ExpectedChange = { kind: 'add'; para: number } | { kind: 'remove'; spanId: string };

interface BenchWindow extends Window {
  __twBench?: Promise<ChangeTiming>;
}

/** Scrolls paragraph `para` into view and selects [from, to) of its text as a mouse drag would. */
export function selectInParagraph({ para, from, to }: ParagraphRange): void {
  const root = document.querySelector<HTMLElement>('[role="textbox"][aria-label="Document text"]');
  const paragraph = root?.children[para];
  if (!root || !(paragraph instanceof HTMLElement)) throw new Error(`no paragraph ${para} in the editor`);
  paragraph.scrollIntoView({ block: 'center' });
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let start: [Text, number] | null = null;
  let end: [Text, number] | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    if (start === null && from < offset + text.data.length) start = [text, from - offset];
    if (end === null && to <= offset + text.data.length) end = [text, to - offset];
    offset += text.data.length;
  }
  if (start === null || end === null) throw new Error(`paragraph ${para} has no offsets ${from}-${to}`);
  root.focus({ preventScroll: true });
  window.getSelection()!.setBaseAndExtent(start[0], start[1], end[0], end[1]);
}

/**
 * Starts watching for the next change in the text, caused by the next non-modifier key press: the clock
 * (and mark `tw-start:<n>`) starts in a capture-phase keydown listener, before the page's own handlers; the
 * first change to the text's DOM stops `domMs`; the frame after it (requestAnimationFrame, then a task)
 * stops `frameMs` and sets `tw-end:<n>`. Only then is the change checked, outside the measured time: a
 * new span id in paragraph `para` ('add'), or no element left for `spanId` ('remove').
 */
export function armChange({ change, mark }: { change: ExpectedChange; mark: number }): void {
  const root = document.querySelector<HTMLElement>('[role="textbox"][aria-label="Document text"]');
  if (!root) throw new Error('no editor');
  // Suggestion runs are not tags (a tag teaches suggestions, drawn in the same paragraph right after it).
  const SPANS = '[data-span-ids]:not(.tw-layer-suggestion)';
  const idsIn = (element: Element | undefined): Set<string> =>
    new Set(
      Array.from(element?.querySelectorAll(SPANS) ?? [], (e) =>
        (e.getAttribute('data-span-ids') ?? '').split(' '),
      ).flat(),
    );
  const known = change.kind === 'add' ? idsIn(root.children[change.para]) : new Set<string>();
  let t0 = -1;
  const onKey = (event: KeyboardEvent): void => {
    if (t0 >= 0 || ['Control', 'Shift', 'Alt', 'Meta'].includes(event.key)) return;
    performance.mark(`tw-start:${mark}`);
    t0 = performance.now();
  };
  window.addEventListener('keydown', onKey, { capture: true });
  const identify = (): { spanId: string; text: string } => {
    if (change.kind === 'remove') {
      const left = root.querySelector(`[data-span-ids~="${CSS.escape(change.spanId)}"]`);
      if (left !== null) throw new Error(`span ${change.spanId} is still drawn`);
      return { spanId: change.spanId, text: '' };
    }
    const paragraph = root.children[change.para];
    for (const element of Array.from(paragraph?.querySelectorAll(SPANS) ?? [])) {
      const fresh = (element.getAttribute('data-span-ids') ?? '').split(' ').find((id) => !known.has(id));
      if (fresh !== undefined) return { spanId: fresh, text: element.textContent ?? '' };
    }
    throw new Error(`no new span drawn in paragraph ${change.para}`);
  };
  (window as BenchWindow).__twBench = new Promise<ChangeTiming>((resolve, reject) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no ${change.kind} seen within 30 s`));
    }, 30_000);
    const observer = new MutationObserver(() => {
      if (t0 < 0) return;
      const domMs = performance.now() - t0;
      observer.disconnect();
      clearTimeout(timeout);
      window.removeEventListener('keydown', onKey, { capture: true });
      requestAnimationFrame(() => {
        // The frame that draws the change: its task ends when it is painted (trace.ts reads that end).
        performance.mark(`tw-frame:${mark}`);
        setTimeout(() => {
          const frameMs = performance.now() - t0;
          performance.mark(`tw-end:${mark}`);
          try {
            resolve({ domMs, frameMs, ...identify() });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
    });
    // Attributes too: text drawn as a suggestion that gets tagged keeps its element, with new span ids.
    observer.observe(root, { childList: true, subtree: true, attributeFilter: ['data-span-ids'] });
  });
}

export function awaitChange(): Promise<ChangeTiming> {
  const pending = (window as BenchWindow).__twBench;
  if (pending === undefined) throw new Error('armChange was not called');
  return pending;
}

/**
 * Scrolls the text's scroller down by `px` (as one wheel step would), marked `tw-start:<n>`; the second
 * frame after it is marked `tw-frame:<n>` (so work the page defers to the next frame counts), and a task
 * after that `tw-end:<n>`.
 */
export function scrollStep({ px, mark }: { px: number; mark: number }): Promise<number> {
  const root = document.querySelector<HTMLElement>('[role="textbox"][aria-label="Document text"]');
  const scroller = root?.parentElement;
  if (!scroller) throw new Error('no editor');
  const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  performance.mark(`tw-start:${mark}`);
  const t0 = performance.now();
  scroller.scrollTop += px;
  return frame()
    .then(frame)
    .then(() => performance.mark(`tw-frame:${mark}`))
    .then(() => new Promise<void>((resolve) => setTimeout(resolve)))
    .then(() => {
      performance.mark(`tw-end:${mark}`);
      return performance.now() - t0;
    });
}

/** Scrolls the text back to its top and lets a frame pass (outside any measurement). */
export function scrollToTop(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[role="textbox"][aria-label="Document text"]');
  if (root?.parentElement) root.parentElement.scrollTop = 0;
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/**
 * Clicks the document titled `title` in the document list and resolves once its text is drawn — its heading,
 * its first words and (if it has spans) some decoration — and a frame has passed: when the analyst can start.
 */
/** An open's time to the first frame, and where it went: waiting for the host, downloading, the page's work. */
export interface OpenTiming {
  frameMs: number;
  /** From the click to the first byte of the document:get answer (the host reading and serializing). */
  hostMs: number;
  /** The answer's download. */
  downloadMs: number;
  /** From the end of the download to the first frame (parsing, indexing, React, the editor, layout). */
  pageMs: number;
}

export function openAndWait(target: {
  title: string;
  prefix: string;
  withSpans: boolean;
}): Promise<OpenTiming> {
  const buttons = Array.from(document.querySelectorAll<HTMLElement>('nav[aria-label="Documents"] button'));
  const button = buttons.find((b) => (b.textContent ?? '').includes(target.title));
  if (button === undefined) throw new Error(`"${target.title}" is not in the document list`);
  let t0 = 0;
  return new Promise((resolve, reject) => {
    let done = false;
    const ready = (): boolean => {
      const root = document.querySelector('[role="textbox"][aria-label="Document text"]');
      const heading = document.querySelector('h1')?.textContent ?? '';
      return (
        root !== null &&
        heading.includes(target.title) &&
        (root.firstElementChild?.textContent ?? '').startsWith(target.prefix) &&
        (!target.withSpans || root.querySelector('[data-span-ids]') !== null)
      );
    };
    const observer = new MutationObserver(() => {
      if (done || !ready()) return;
      done = true;
      observer.disconnect();
      clearTimeout(timeout);
      requestAnimationFrame(() =>
        setTimeout(() => {
          const end = performance.now();
          const fetches = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const get = fetches.filter((e) => e.name.endsWith('/api/document:get') && e.startTime >= t0).pop();
          const responseStart = get?.responseStart ?? end;
          const responseEnd = get?.responseEnd ?? end;
          resolve({
            frameMs: end - t0,
            hostMs: responseStart - t0,
            downloadMs: responseEnd - responseStart,
            pageMs: end - responseEnd,
          });
        }),
      );
    });
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`"${target.title}" did not open within 60 s`));
    }, 60_000);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    t0 = performance.now();
    button.click();
  });
}

/**
 * Nodes (elements and texts) in the text's DOM, and how many of them are on screen: inside a paragraph
 * that intersects the scroller's visible box, and themselves intersecting it. Off-screen paragraphs are
 * only measured as boxes, so skipped content (content-visibility) is never forced into layout.
 */
export function domCounts(): { editor: number; onScreen: number; page: number } {
  const root = document.querySelector<HTMLElement>('[role="textbox"][aria-label="Document text"]');
  const scroller = root?.parentElement;
  if (!root || !scroller) throw new Error('no editor');
  const view = scroller.getBoundingClientRect();
  const visible = (box: DOMRect): boolean => box.bottom > view.top && box.top < view.bottom;
  const count = (node: Node): number => {
    let n = 0;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let at = walker.nextNode(); at !== null; at = walker.nextNode()) n++;
    return n;
  };
  let onScreen = 1;
  for (const paragraph of Array.from(root.children)) {
    if (!visible(paragraph.getBoundingClientRect())) continue;
    onScreen++;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let at = walker.nextNode(); at !== null; at = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(at);
      if (visible(at instanceof Element ? at.getBoundingClientRect() : range.getBoundingClientRect()))
        onScreen++;
    }
  }
  return { editor: count(root) + 1, onScreen, page: count(document.documentElement) + 1 };
}
