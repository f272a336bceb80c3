// The fault-injecting FileIO: it records every call, fails exactly the planned one (or every one from it on),
// leaves a short file behind on a failed write like a full disk does, and wraps every method of the seam.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileIO } from '../../../src/main/store/file-io';
import { makeTempDir, removeDir } from '../../../src/main/store/test-support/fixtures';
import { FaultIO } from './fault-io';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('tagwright-fault-io-');
});
afterEach(async () => removeDir(dir));

describe('FaultIO', () => {
  it('wraps every method of the store’s FileIO seam', () => {
    expect(Object.keys(new FaultIO().io).sort()).toEqual(Object.keys(nodeFileIO).sort());
  });

  it('records the calls made while armed, in order, and none after disarming', async () => {
    const fault = new FaultIO();
    fault.arm(null);
    await fault.io.mkdirp(join(dir, 'a'));
    await fault.io.exists(join(dir, 'a'));
    fault.disarm();
    await fault.io.readdir(dir);
    expect(fault.calls.map((c) => c.op)).toEqual(['mkdirp', 'exists']);
  });

  it('fails only the planned call when the fault is once, with the OS code', async () => {
    const fault = new FaultIO();
    fault.arm({ at: 2, code: 'EBUSY', forever: false });
    await fault.io.mkdirp(join(dir, 'a'));
    await expect(fault.io.mkdirp(join(dir, 'b'))).rejects.toMatchObject({ code: 'EBUSY', syscall: 'mkdirp' });
    await fault.io.mkdirp(join(dir, 'c'));
    expect((await readdir(dir)).sort()).toEqual(['a', 'c']);
    expect(fault.fired).toBe(1);
  });

  it('fails every call from the planned one on when the fault is for ever', async () => {
    const fault = new FaultIO();
    fault.arm({ at: 1, code: 'EACCES', forever: true });
    await expect(fault.io.mkdirp(join(dir, 'a'))).rejects.toMatchObject({ code: 'EACCES' });
    await expect(fault.io.readdir(dir)).rejects.toMatchObject({ code: 'EACCES' });
    expect(fault.fired).toBe(2);
  });

  it('leaves the first half of a write behind when the disk fills up', async () => {
    const fault = new FaultIO();
    fault.arm({ at: 1, code: 'ENOSPC', forever: false });
    const path = join(dir, 'temp.json');
    await expect(fault.io.writeFileSynced(path, '0123456789')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(path, 'utf8')).toBe('01234');
  });
});
