// Functions the renderer benchmark runs inside the page (bench/, browser side): they are serialized by
// Playwright's page.evaluate, so each is self-contained (no imports, no module constants). Times are taken
// in the page with performance.now(), so no CDP round trip is ever part of a figure.

/** Milliseconds from the trigger (key press or click) to the DOM change, and to the frame after it. */
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
 * Starts watching for the next change: the first decoration with a new span id ('add'), or the last element
 * of `spanId` leaving the DOM ('remove'). The clock starts at the next non-modifier keydown, seen in the
 * capture phase before the app's own listener. `awaitChange` returns the timing.
 */
export function armChange(change: { kind: 'add' } | { kind: 'remove'; spanId: string }): void {
  const root = document.querySelector<HTMLElement>('[role="textbox"][aria-label="Document text"]');
  if (!root) throw new Error('no editor');
  const known = new Set(
    Array.from(root.querySelectorAll('[data-span-id]'), (e) => e.getAttribute('data-span-id')),
  );
  let t0 = -1;
  const onKey = (event: KeyboardEvent): void => {
    if (t0 < 0 && !['Control', 'Shift', 'Alt', 'Meta'].includes(event.key)) t0 = performance.now();
  };
  window.addEventListener('keydown', onKey, { capture: true });
  (window as BenchWindow).__twBench = new Promise<ChangeTiming>((resolve, reject) => {
    let done = false;
    const finish = (spanId: string, text: string): void => {
      done = true;
      observer.disconnect();
      clearTimeout(timeout);
      window.removeEventListener('keydown', onKey, { capture: true });
      const domMs = performance.now() - t0;
      requestAnimationFrame(() =>
        setTimeout(() => resolve({ domMs, frameMs: performance.now() - t0, spanId, text })),
      );
    };
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no ${change.kind} seen within 15 s`));
    }, 15_000);
    const observer = new MutationObserver((records) => {
      if (done || t0 < 0) return;
      if (change.kind === 'remove') {
        if (root.querySelector(`[data-span-id="${CSS.escape(change.spanId)}"]`) === null)
          finish(change.spanId, '');
        return;
      }
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (!(node instanceof Element)) continue;
          const found = [node, ...Array.from(node.querySelectorAll('[data-span-id]'))].find((e) => {
            const id = e.getAttribute('data-span-id');
            return id !== null && !known.has(id);
          });
          if (found !== undefined)
            return finish(found.getAttribute('data-span-id')!, found.textContent ?? '');
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

export function awaitChange(): Promise<ChangeTiming> {
  const pending = (window as BenchWindow).__twBench;
  if (pending === undefined) throw new Error('armChange was not called');
  return pending;
}

/**
 * Clicks the document titled `title` in the document list and resolves once its text is drawn with at least
 * `minSpans` decorations (and a frame has passed): the time an analyst waits to start tagging.
 */
export function openAndWait(target: {
  title: string;
  prefix: string;
  minSpans: number;
}): Promise<ChangeTiming> {
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
        root.querySelectorAll('[data-span-id]').length >= target.minSpans
      );
    };
    const observer = new MutationObserver(() => {
      if (done || !ready()) return;
      done = true;
      observer.disconnect();
      clearTimeout(timeout);
      const domMs = performance.now() - t0;
      requestAnimationFrame(() =>
        setTimeout(() => resolve({ domMs, frameMs: performance.now() - t0, spanId: '', text: '' })),
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
