// The per-document operations journal on disk, `documents/<id>.journal` (src/main): one line per acknowledged
// annotation save, `<crc32 hex> <json>\n`, appended with one write + fdatasync. A torn last line (a write cut
// short by a crash) was never acknowledged and is ignored; damage anywhere before it makes the file unusable.
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import {
  annotatorIdSchema,
  documentStatusSchema,
  idString,
  layerIdSchema,
  ownRecord,
  relationIdSchema,
  relationSchema,
  spanIdSchema,
  spanSchema,
} from '@shared/model';
import { JsonFileError } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';
import { describeZodError } from './validation';

/**
 * One save: the net result of a batch of ops on one layer (the records as they now are, and the ids that
 * went), so replay needs neither the label schema nor the ops code of the day, and cannot fail validation.
 */
export const journalEntrySchema = z
  .object({
    /** The document's revision after this entry. */
    rev: z.number().int().positive(),
    at: z.string().datetime({ offset: true }),
    by: annotatorIdSchema,
    layer: layerIdSchema,
    set: z.object({ spans: z.array(spanSchema), relations: z.array(relationSchema) }).strict(),
    del: z.object({ spans: z.array(spanIdSchema), relations: z.array(relationIdSchema) }).strict(),
    /** Status changes the save made (e.g. the analyst's "new" becoming "in-progress"). */
    status: ownRecord(idString, documentStatusSchema).optional(),
  })
  .strict();

export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** The line appended for `entry`, newline included. */
export function journalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

export interface JournalContents {
  entries: JournalEntry[];
  /** Size of the file in bytes. */
  bytes: number;
  /** The last line was torn (or its checksum is wrong): ignored, and the file must not be appended to. */
  torn: boolean;
}

const LINE = /^([0-9a-f]{8}) (.*)$/s;

/** Parses a journal; throws JsonFileError naming the line when a line before the last one is damaged. */
export function parseJournal(path: string, bytes: Buffer): JournalContents {
  const lines: Buffer[] = [];
  let from = 0;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, from)) {
    lines.push(bytes.subarray(from, nl));
    from = nl + 1;
  }
  // Bytes after the last newline are a write that never completed.
  let torn = from < bytes.length;
  const entries: JournalEntry[] = [];
  for (const [index, line] of lines.entries()) {
    const last = index === lines.length - 1 && !torn;
    const text = line.toString('utf8');
    const match = LINE.exec(text);
    const json = match?.[2];
    if (match === null || json === undefined || crc32(json) !== parseInt(match[1] ?? '', 16)) {
      if (last) {
        torn = true;
        break;
      }
      throw new JsonFileError(path, 'invalid-content', `line ${index + 1}: the checksum does not match`);
    }
    entries.push(decodeEntry(path, index + 1, json));
  }
  return { entries, bytes: bytes.length, torn };
}

function decodeEntry(path: string, line: number, json: string): JournalEntry {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new JsonFileError(path, 'invalid-json', `line ${line}: not valid JSON (${message})`);
  }
  const result = journalEntrySchema.safeParse(raw);
  if (!result.success) {
    throw new JsonFileError(path, 'invalid-content', `line ${line}: ${describeZodError(result.error)}`);
  }
  return result.data;
}

/** Reads and parses a journal; null when there is none. Unreadable files throw JsonFileError 'unreadable'. */
export async function readJournal(
  io: FileIO,
  path: string,
  maxBytes: number,
): Promise<JournalContents | null> {
  let bytes: Buffer;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    const message = error instanceof Error ? error.message : String(error);
    throw new JsonFileError(path, 'unreadable', `could not be read (${message})`, { cause: error });
  }
  if (bytes.length > maxBytes) {
    throw new JsonFileError(path, 'too-large', `the journal is larger than the ${maxBytes} bytes limit`);
  }
  return parseJournal(path, bytes);
}
