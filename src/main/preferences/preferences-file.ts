// This user's preferences file (src/main): read once, validated, written durably (temp file, fsync, rename)
// after each change. A damaged file is never overwritten: it is copied aside as preferences.damaged-<time>.json
// and Tagwright starts from the defaults, saying so. Two processes of one user may both write it; the last
// write wins, which is harmless for settings (each write is whole and valid).
import { join } from 'node:path';
import { defaultPreferences, preferencesSchema, type Preferences } from '@shared/model';
import { readJsonFile, writeFileAtomically } from '../store/durable-json-file';
import { nodeFileIO, type FileIO } from '../store/file-io';
import { ioError } from '../store/io-errors';
import { fileStamp } from '../store/layout';

const MAX_BYTES = 1024 * 1024;

export interface PreferencesFile {
  readonly path: string;
  get(): Preferences;
  update(change: (draft: Preferences) => void): Promise<Preferences>;
  /** Why the file could not be used when it was read, or null. */
  readonly problem: string | null;
}

export async function openPreferences(dir: string, io: FileIO = nodeFileIO): Promise<PreferencesFile> {
  const path = join(dir, 'preferences.json');
  let current = defaultPreferences();
  let problem: string | null = null;
  try {
    const raw = await readJsonFile(io, path, MAX_BYTES);
    if (raw !== null) {
      const parsed = preferencesSchema.safeParse(raw);
      if (parsed.success) current = parsed.data;
      else throw new Error(parsed.error.issues[0]?.message ?? 'not valid');
    }
  } catch (error) {
    const aside = join(dir, `preferences.damaged-${fileStamp(new Date())}.json`);
    await io.copyFile(path, aside).catch(() => undefined);
    problem = `Your preferences file ${path} could not be read (${error instanceof Error ? error.message : String(error)}); a copy was kept as ${aside} and the defaults are used.`;
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    path,
    problem,
    get: () => structuredClone(current),
    update(change) {
      const run = queue.then(async () => {
        const draft = structuredClone(current);
        change(draft);
        const next = preferencesSchema.parse(draft);
        try {
          await io.mkdirp(dir);
          await writeFileAtomically(io, path, JSON.stringify(next, null, 2));
        } catch (error) {
          throw ioError('save your preferences', dir, error);
        }
        current = next;
        return structuredClone(next);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** An in-memory preferences file (unit tests of the service). */
export function memoryPreferences(initial: Partial<Preferences> = {}): PreferencesFile {
  let current = { ...defaultPreferences(), ...initial };
  return {
    path: ':memory:',
    problem: null,
    get: () => structuredClone(current),
    update: async (change) => {
      const draft = structuredClone(current);
      change(draft);
      current = preferencesSchema.parse(draft);
      return structuredClone(current);
    },
  };
}
