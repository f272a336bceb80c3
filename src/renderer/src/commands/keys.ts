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

/** Key names that stand for a character the chord syntax itself uses ("Mod+Plus" is Ctrl and +). */
const KEY_ALIASES: Record<string, string> = { Plus: '+', Space: ' ' };

export function parseChord(text: string): KeyChord {
  const parts = text.split('+');
  const named = parts.pop() ?? '';
  const key = Object.hasOwn(KEY_ALIASES, named) ? (KEY_ALIASES[named] as string) : named;
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
  '+': 'Plus',
  ' ': 'Space',
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
};

/** One spelling per chord (modifiers in a fixed order, letters lower-case), to compare chords. */
export function normalChord(text: string): string {
  const chord = parseChord(text);
  return `${chord.mod ? 'Mod+' : ''}${chord.alt ? 'Alt+' : ''}${chord.shift ? 'Shift+' : ''}${chord.key}`;
}

/**
 * The chord a key press stands for, in the syntax of the registry ("Shift+Mod+K"), or null for a press of a
 * modifier alone. Used when the analyst records a new shortcut.
 */
export function chordOf(event: KeyboardEvent): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock'].includes(event.key)) return null;
  const key = keyOf(event);
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  const name = key === '+' ? 'Plus' : key === ' ' ? 'Space' : key.length === 1 ? key.toUpperCase() : key;
  const shift = event.shiftKey && !symbol ? 'Shift+' : '';
  const mod = event.ctrlKey || event.metaKey ? 'Mod+' : '';
  return `${shift}${mod}${event.altKey ? 'Alt+' : ''}${name}`;
}

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
  const key = chord.key === '+' ? 'Plus' : chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod && (IS_MAC ? 'Meta' : 'Control'), chord.alt && 'Alt', chord.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}
