// Key chords for the command registry (src/renderer/commands): parsing "Shift+Mod+Z", matching a keyboard
// event, and showing a chord the way the platform writes it. Letters and digits match by physical key
// (`event.code`), so Alt+1 on macOS (which types "¡") still means "1".

export interface KeyChord {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function parseChord(text: string): KeyChord {
  const parts = text.split('+');
  const key = parts.pop() ?? '';
  const has = (name: string) => parts.includes(name);
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    mod: has('Mod'),
    alt: has('Alt'),
    shift: has('Shift'),
  };
}

/** The key an event stands for: a digit or lower-case letter by physical key, else `event.key`. */
export function keyOf(event: KeyboardEvent): string {
  const digit = /^Digit([0-9])$/.exec(event.code)?.[1];
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
  const key = digit ?? letter?.toLowerCase() ?? event.key;
  return key.length === 1 ? key.toLowerCase() : key;
}

export function matchesChord(event: KeyboardEvent, chord: KeyChord): boolean {
  const mod = event.ctrlKey || event.metaKey;
  // "?" is typed with Shift on most layouts: a printable symbol matches whatever Shift it needed.
  const symbol = chord.key.length === 1 && !/[a-z0-9]/.test(chord.key);
  const key = symbol ? event.key : keyOf(event);
  return (
    key === chord.key &&
    mod === chord.mod &&
    event.altKey === chord.alt &&
    (symbol || event.shiftKey === chord.shift)
  );
}

const NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
};

/** "Shift+Ctrl+Z" (or "⇧⌘Z" on macOS), for key help, tooltips and the palette. */
export function formatChord(text: string): string {
  const chord = parseChord(text);
  const key = NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  if (IS_MAC) return `${chord.shift ? '⇧' : ''}${chord.alt ? '⌥' : ''}${chord.mod ? '⌘' : ''}${key}`;
  return [chord.shift && 'Shift', chord.mod && 'Ctrl', chord.alt && 'Alt', key].filter(Boolean).join('+');
}

/** The aria-keyshortcuts form ("Control+Shift+Z"). */
export function ariaChord(text: string): string {
  const chord = parseChord(text);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod && (IS_MAC ? 'Meta' : 'Control'), chord.alt && 'Alt', chord.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}
