// The user's preferences file (src/main): a write the disk refuses is an io-error naming the OS code, and
// what the app believes stays what the file holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileIO, type FileIO } from '../store/file-io';
import { osError } from '../store/test-support/faulty-io';
import { makeTempDir, removeDir } from '../store/test-support/fixtures';
import { openPreferences } from './preferences-file';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('tagwright-prefs-');
});
afterEach(async () => removeDir(dir));

describe('a preferences write the disk refuses', () => {
  const faults: [string, 'EACCES' | 'ENOSPC', Partial<FileIO>][] = [
    [
      'the folder cannot be created',
      'EACCES',
      { mkdirp: (path) => Promise.reject(osError('EACCES', 'mkdir', path)) },
    ],
    [
      'the file cannot be written',
      'ENOSPC',
      { writeFileSynced: (path) => Promise.reject(osError('ENOSPC', 'write', path)) },
    ],
  ];

  it.each(faults)('when %s is an io-error naming %s, and changes nothing', async (_when, code, fault) => {
    const prefs = await openPreferences(dir, { ...nodeFileIO, ...fault });
    const failure = await prefs.update((draft) => void (draft.analystName = 'Dana')).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'io-error', message: expect.stringContaining(`(${code})`) });
    expect(prefs.get().analystName).toBeNull();
  });
});
