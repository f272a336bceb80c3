// Importing documents (src/renderer/components): a file picker button and a drop zone over the whole window.
import { useEffect, useRef, useState } from 'react';

export const ACCEPTED_EXTENSIONS = '.txt,.text,.md,.markdown,.html,.htm,.jsonl,.ndjson';

export interface ImportControlsProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
}

export function ImportControls({ busy, onFiles }: ImportControlsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) onFiles(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles]);

  return (
    <>
      <button type="button" disabled={busy} onClick={() => inputRef.current?.click()}>
        {busy ? 'Importing…' : 'Import files…'}
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        accept={ACCEPTED_EXTENSIONS}
        aria-label="Choose files to import"
        data-testid="import-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop .txt, .md, .html or .jsonl files to import them
        </div>
      )}
    </>
  );
}
