// Work scheduled for just after the next painted frame (src/renderer/stores): what a tag or a click causes
// beyond the text itself (the side panel's render, the tag's suggestions) runs in a task of its own after
// the frame that shows the change, rather than inside the key handler that made it.

export interface AfterPaint {
  /** Asks for one call after the next frame, however many times it is asked before then. */
  schedule: () => void;
  cancel: () => void;
}

/** Calls `run` once after the next frame, however many changes arrive before it. */
export function afterNextPaint(run: () => void): AfterPaint {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule: () => {
      if (frame !== null || timer !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        // A task after the frame: requestAnimationFrame runs before the frame is drawn, not after.
        timer = setTimeout(() => {
          timer = null;
          run();
        });
      });
    },
    cancel: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
    },
  };
}

/** Runs `work` once, after the next painted frame. */
export function runAfterPaint(work: () => void): void {
  afterNextPaint(work).schedule();
}
