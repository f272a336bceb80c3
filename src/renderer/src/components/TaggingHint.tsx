// How to tag, in plain words, where a new analyst looks: above the text until they dismiss it (remembered in
// this browser profile) — not a 12 px line at the bottom (src/renderer/components).
import { useState } from 'react';
import type { LabelDef } from '@shared/model';

const STORAGE_KEY = 'tagwright.hint-dismissed';

export function TaggingHint({ labels }: { labels: readonly LabelDef[] }) {
  const [dismissed, setDismissed] = useState(() => window.localStorage.getItem(STORAGE_KEY) === 'yes');
  if (dismissed) return null;
  const keys = labels
    .filter((l) => l.hotkey !== undefined)
    .map((l) => `${l.hotkey} for ${l.name}`)
    .join(', ');
  return (
    <section className="tagging-hint" aria-label="How to tag">
      <p>
        <strong>How to tag:</strong> select words in the text with the mouse, or with Shift and the arrow
        keys, then press {keys} — or click a label button. With no selection, the key tags the word at the
        caret. Click a tag (or press n / p) to select it; press another label key to change it, Delete to
        remove it.
      </p>
      <button
        type="button"
        onClick={() => {
          window.localStorage.setItem(STORAGE_KEY, 'yes');
          setDismissed(true);
        }}
      >
        Got it
      </button>
    </section>
  );
}
