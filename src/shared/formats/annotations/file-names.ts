// Safe file names for multi-file exports, derived from document titles (shared layer, pure). A name never
// traverses folders, never carries control or bidi-override characters (which can make "txt.exe" read as
// "exe.txt"), is not a Windows reserved device name, fits in 80 UTF-8 bytes without cutting a character, and
// is unique case-insensitively within its folder, so the zip unpacks the same way on every system.

const MAX_NAME_BYTES = 80;
/** Characters Windows forbids in names, path separators, and control characters (C0, DEL and C1). */
const FORBIDDEN = new RegExp(
  `[/\\\\:*?"<>|${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}-${String.fromCharCode(0x9f)}]`,
  'g',
);
/** Bidi embeddings, overrides and isolates, left-to-right/right-to-left marks, and line/paragraph separators. */
const INVISIBLE_DIRECTIONAL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The longest prefix of `text` (whole grapheme clusters) that fits in `maxBytes` of UTF-8. */
function truncateToBytes(text: string, maxBytes: number): string {
  let result = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    result += segment;
    used += size;
  }
  return result;
}

/** A stem (no extension) safe on every file system; `fallback` when nothing usable is left of the title. */
export function safeStem(title: string, fallback = 'document', maxBytes = MAX_NAME_BYTES): string {
  let stem = title
    .normalize('NFC') // names only: the text itself is never normalised
    .replace(INVISIBLE_DIRECTIONAL, '')
    .replace(FORBIDDEN, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '') // no hidden files, no "..": a leading dot is dropped
    .replace(/[.\s]+$/, ''); // Windows drops trailing dots and spaces, which would merge names
  stem = truncateToBytes(stem, maxBytes).replace(/[.\s]+$/, '');
  if (stem === '') stem = fallback;
  const device = stem.split('.')[0] ?? stem;
  if (RESERVED.test(device.trim())) stem = `_${stem}`;
  return stem;
}

/** Hands out names unique case-insensitively within one folder: "Report", "Report-2", "report-3"... */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** A safe, unused file name for `title` with `extension` (no dot), reserving it. */
  take(title: string, extension: string): string {
    const suffix = extension === '' ? '' : `.${extension}`;
    const budget = MAX_NAME_BYTES - utf8Length(suffix);
    const stem = safeStem(title, 'document', budget);
    for (let n = 1; ; n++) {
      const tag = n === 1 ? '' : `-${n}`;
      const candidate = `${truncateToBytes(stem, budget - tag.length).replace(/[.\s]+$/, '')}${tag}${suffix}`;
      const key = candidate.toLowerCase();
      if (this.taken.has(key)) continue;
      this.taken.add(key);
      return candidate;
    }
  }

  /** Reserves a fixed name (README.txt, annotation.conf) so no document can take it. */
  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }
}
