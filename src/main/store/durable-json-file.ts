// A lowdb adapter that survives crashes and power loss, and strict JSON reading with size limits (src/main).
// Writes go to a unique temp file in the same directory, are fsynced, renamed over the target, and the
// directory is fsynced; lowdb's stock JSONFile (steno) never fsyncs and reuses one temp name.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { errnoCode, type FileIO } from './file-io';

export type JsonFileErrorKind = 'unreadable' | 'too-large' | 'not-utf8' | 'invalid-json' | 'invalid-content';

/** A file that exists but cannot be used; `reason` is written for people and names the exact problem. */
export class JsonFileError extends Error {
  constructor(
    readonly file: string,
    readonly kind: JsonFileErrorKind,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = 'JsonFileError';
  }
}

const MIB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`;
}

/**
 * Reads and parses a JSON file in one read. Returns null when the file does not exist; throws JsonFileError
 * when it is unreadable, larger than `maxBytes`, not UTF-8 or not JSON.
 */
export async function readJsonFile(io: FileIO, path: string, maxBytes: number): Promise<unknown> {
  let bytes: Buffer;
  try {
    const stat = await io.stat(path);
    if (stat.size > maxBytes) {
      throw new JsonFileError(
        path,
        'too-large',
        `file is ${formatBytes(stat.size)}, larger than the ${formatBytes(maxBytes)} limit`,
      );
    }
    bytes = await io.readFile(path);
  } catch (error) {
    if (error instanceof JsonFileError) throw error;
    if (errnoCode(error) === 'ENOENT') return null;
    const message = error instanceof Error ? error.message : String(error);
    throw new JsonFileError(path, 'unreadable', `could not be read (${message})`, { cause: error });
  }
  // Re-check: the file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw new JsonFileError(path, 'too-large', `file is larger than the ${formatBytes(maxBytes)} limit`);
  }
  if (bytes.length === 0) throw new JsonFileError(path, 'invalid-json', 'file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new JsonFileError(path, 'not-utf8', 'not valid UTF-8 text', { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    if (/end of JSON input/.test(message)) message += ` at position ${text.length}`;
    throw new JsonFileError(path, 'invalid-json', `not valid JSON (${message})`, { cause: error });
  }
}

export interface DurableJsonFileOptions<T> {
  io: FileIO;
  maxBytes: number;
  /** Turns parsed JSON into a valid T or throws an Error whose message says what is wrong. */
  decode: (raw: unknown) => T;
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly options: DurableJsonFileOptions<T>,
  ) {}

  async read(): Promise<T | null> {
    const raw = await readJsonFile(this.options.io, this.path, this.options.maxBytes);
    if (raw === null) return null;
    try {
      return this.options.decode(raw);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new JsonFileError(this.path, 'invalid-content', message, { cause: error });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomically(this.options.io, this.path, JSON.stringify(data));
  }
}

/** The unique temp name used next to `target` while it is being replaced. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Temp files left by a writer that crashed mid-write look like this; only a lock holder may remove them. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]+\.tmp$/;

/** Writes `contents` to `target` so that a crash leaves either the old or the new file, never a mix. */
export async function writeFileAtomically(
  io: FileIO,
  target: string,
  contents: string | Uint8Array,
): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await io.writeFileSynced(temp, contents);
    await io.rename(temp, target);
  } catch (error) {
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await io.fsyncDir(dirname(target));
}
