// The pieces of brat's line format (shared layer, pure): splitting a span into fragments at line breaks (brat
// forbids a newline inside a fragment) and joining them back, and the escapes that let our values survive a
// space- and line-separated file: attribute values are percent-encoded where they hold '%', whitespace, '|'
// or ',' (so a value stays one token in .ann and annotation.conf); notes escape '\', newline, CR and tab.

export interface Fragment {
  start: number;
  end: number;
}

/** The runs of [start, end) that hold no '\n' (UTF-16 offsets); empty when the range is only line breaks. */
export function fragmentsOf(text: string, start: number, end: number): Fragment[] {
  const fragments: Fragment[] = [];
  let from = start;
  for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) {
    if (at > from) fragments.push({ start: from, end: at });
    from = at + 1;
  }
  if (end > from) fragments.push({ start: from, end });
  return fragments;
}

/** Splits fragments into groups joined only by line breaks: each group is one of our spans. */
export function groupFragments(text: string, fragments: readonly Fragment[]): Fragment[] {
  const groups: Fragment[] = [];
  for (const fragment of fragments) {
    const last = groups[groups.length - 1];
    const gap = last === undefined ? null : text.slice(last.end, fragment.start);
    if (last !== undefined && gap !== null && gap.length > 0 && /^\n+$/.test(gap)) last.end = fragment.end;
    else groups.push({ ...fragment });
  }
  return groups;
}

const VALUE_ESCAPED = /[%\s|,]/gu;

function percentEncode(char: string): string {
  return Array.from(
    new TextEncoder().encode(char),
    (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

export function encodeValue(value: string): string {
  return value.replace(VALUE_ESCAPED, percentEncode);
}

/** Reverses encodeValue; a value that is not valid percent-encoding (brat's own "50%") is kept as it is. */
export function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const NOTE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const NOTE_UNESCAPES: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };

export function encodeNote(note: string): string {
  return note.replace(/[\\\n\r\t]/g, (char) => NOTE_ESCAPES[char] ?? char);
}

export function decodeNote(note: string): string {
  return note.replace(/\\([\\nrt])/g, (_match, char: string) => NOTE_UNESCAPES[char] ?? char);
}
