// Strict UTF-8 decoding and a binary-file sniff for imports (shared layer, pure: TextDecoder only).
// Imports never guess an encoding: a file that is not valid UTF-8, or that looks binary, is refused with the
// line and offset of the first bad byte, so the user can find and fix it instead of getting silently replaced
// characters.

export type Utf8Result =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; message: string; byteOffset: number; line: number };

const BOM = '\uFEFF';
/** Control bytes are counted per stretch of this many bytes. */
const SNIFF_BYTES = 8 * 1024;

/** Decodes `bytes` as UTF-8, refusing invalid input; a leading byte-order mark is removed and reported. */
export function decodeUtf8Strict(bytes: Uint8Array): Utf8Result {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const byteOffset = Math.max(0, firstInvalidUtf8Byte(bytes));
    return {
      ok: false,
      byteOffset,
      line: lineOfByte(bytes, byteOffset),
      message: `not valid UTF-8 (first bad byte at offset ${byteOffset}); save the file as UTF-8 and import it again`,
    };
  }
  const hadBom = text.startsWith(BOM);
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom };
}

/** Number of continuation bytes a lead byte needs and the allowed range of the first one; null if not a lead. */
function leadInfo(lead: number): { count: number; min: number; max: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { count: 1, min: 0x80, max: 0xbf };
  if (lead === 0xe0) return { count: 2, min: 0xa0, max: 0xbf }; // no overlongs
  if (lead === 0xed) return { count: 2, min: 0x80, max: 0x9f }; // no surrogates
  if (lead >= 0xe1 && lead <= 0xef) return { count: 2, min: 0x80, max: 0xbf };
  if (lead === 0xf0) return { count: 3, min: 0x90, max: 0xbf }; // no overlongs
  if (lead >= 0xf1 && lead <= 0xf3) return { count: 3, min: 0x80, max: 0xbf };
  if (lead === 0xf4) return { count: 3, min: 0x80, max: 0x8f }; // nothing above U+10FFFF
  return null;
}

/**
 * Offset of the first byte of the first ill-formed sequence (the lead byte of a truncated or malformed
 * sequence, or a stray continuation byte), or -1 when `bytes` is well-formed UTF-8.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const info = leadInfo(lead);
    if (info === null) return i;
    for (let k = 1; k <= info.count; k++) {
      const byte = bytes[i + k];
      const min = k === 1 ? info.min : 0x80;
      const max = k === 1 ? info.max : 0xbf;
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += info.count + 1;
  }
  return -1;
}

/**
 * The 1-based line of the byte at `offset`, counted as canonical text counts them (LF, CRLF and a lone CR each
 * end a line); a line break byte belongs to the line it ends. Works on bytes, so it also places a byte that is
 * not valid UTF-8.
 */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

const isOddControl = (byte: number): boolean =>
  byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;

/**
 * Where the bytes stop looking like text, or -1: the first NUL byte anywhere, else the first control byte of
 * the first 8 KiB stretch with more than 10% C0 control bytes other than tab, line feed, form feed and carriage
 * return (ESC, BEL, backspace and friends are rare in real prose). The whole file is read: binary data appended
 * after a text header must not pass. UTF-16 text counts as binary here (its ASCII characters carry NUL bytes).
 */
export function firstBinaryByte(bytes: Uint8Array): number {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return nul;
  for (let next = 0; next < bytes.length; next += SNIFF_BYTES) {
    // The last stretch ends at the end of the file and is full length, so a short tail is not over-weighted.
    const from = Math.min(next, Math.max(0, bytes.length - SNIFF_BYTES));
    const to = Math.min(bytes.length, from + SNIFF_BYTES);
    let controls = 0;
    let first = -1;
    for (let i = from; i < to; i++) {
      if (!isOddControl(bytes[i] ?? 0)) continue;
      controls++;
      if (first < 0) first = i;
    }
    if (controls * 10 > to - from) return first;
  }
  return -1;
}

/** True when the bytes look like binary data rather than text (see firstBinaryByte). */
export function looksBinary(bytes: Uint8Array): boolean {
  return firstBinaryByte(bytes) >= 0;
}
