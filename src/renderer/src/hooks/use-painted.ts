// Whether the component has been on screen for a frame (src/renderer/hooks): false on mount, true in a task
// after the first frame that showed it. The workbench draws the document list first and only then loads the
// editor and side panel (their chunks, their module code, the first document), so none of that work can hold
// back the frame that makes the list usable.
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../stores/after-paint';

export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const paint = afterNextPaint(() => setPainted(true));
    paint.schedule();
    return paint.cancel;
  }, []);
  return painted;
}
