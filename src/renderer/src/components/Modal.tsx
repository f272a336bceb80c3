// A modal dialog on the platform's <dialog> element (src/renderer/components): showModal() keeps the keyboard
// inside it and Escape closes it, the way screen readers and keyboard users expect; focus returns to where it
// was when it closes.
import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Escape and the close button do nothing while work runs (cancel it first). */
  busy?: boolean;
}

export function Modal({ title, onClose, children, busy = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = `dialog-${title.replace(/\W+/g, '-').toLowerCase()}`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Without scrolling: the page stays where the analyst left it (the text keeps its place).
      returnTo?.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="modal-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" onClick={onClose} disabled={busy} aria-label={`Close ${title}`}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
