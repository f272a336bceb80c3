// Alt+ArrowDown / Alt+ArrowUp open the next / previous document in the list (src/renderer/hooks), so an
// analyst can work through a corpus without leaving the keyboard.
import { useEffect } from 'react';
import type { DocId, DocumentSummary } from '@shared/model';

export function useDocumentNavigation(
  documents: readonly DocumentSummary[],
  openId: string | null,
  open: (docId: DocId) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (step === 0 || documents.length === 0) return;
      event.preventDefault();
      const index = documents.findIndex((d) => d.id === openId);
      const next = documents[Math.min(documents.length - 1, Math.max(0, index + step))];
      if (next !== undefined && next.id !== openId) open(next.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [documents, openId, open]);
}
