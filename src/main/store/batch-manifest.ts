// The manifest of a batch of new documents as earlier versions wrote it (src/main): `documents/.batch-*.pending`,
// naming every file renamed into place and the hash of its bytes, removed once the batch was durable. Batches
// are now staged and committed by staged-batch.ts; a manifest of this kind found on open still belongs to a
// writer killed mid-batch: its files are hidden, and removed when the open is writable.
import { createHash, randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomically } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';

/** Manifests are dot files (never taken for a document) that the temp-file sweep leaves alone. */
export const BATCH_MANIFEST_PATTERN = /^\.batch-[0-9a-f]+\.pending$/;

const manifestSchema = z.object({
  pendingBatch: z.array(z.object({ name: z.string(), sha256: z.string() })),
});

/** Generous: a manifest lists ~100 bytes per file, and a batch of a million files is not an import. */
const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A fresh manifest path in `folder`. */
export function manifestPathIn(folder: string): string {
  return join(folder, `.batch-${randomBytes(6).toString('hex')}.pending`);
}

/** Durably records that the files at `paths` (all in the manifest's folder) with these contents are pending. */
export async function writeManifest(
  io: FileIO,
  manifest: string,
  files: readonly { path: string; contents: string }[],
): Promise<void> {
  const pendingBatch = files.map((file) => ({ name: basename(file.path), sha256: sha256(file.contents) }));
  await writeFileAtomically(io, manifest, JSON.stringify({ pendingBatch }));
}

/**
 * The names of files in `folder` that belong to an unfinished batch: listed by a manifest there and still
 * holding exactly the bytes the batch wrote (a file changed since is not the batch's any more). With `remove`,
 * they are deleted and then their manifests, each step made durable before the next.
 */
export async function unfinishedBatchFiles(
  io: FileIO,
  folder: string,
  remove: boolean,
): Promise<Set<string>> {
  const names: string[] = await io.readdir(folder).catch((error: unknown): string[] => {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  });
  const pending = new Set<string>();
  for (const manifestName of names.filter((name) => BATCH_MANIFEST_PATTERN.test(name))) {
    const manifest = join(folder, manifestName);
    const parsed = manifestSchema.safeParse(await readJsonFile(io, manifest, MAX_MANIFEST_BYTES));
    // Written atomically, so a manifest is whole; one that is not says nothing reliable and is left alone.
    if (!parsed.success) continue;
    for (const { name, sha256: hash } of parsed.data.pendingBatch) {
      if (name.includes('/') || name.includes('\\') || !names.includes(name)) continue;
      if (sha256(await io.readFile(join(folder, name))) !== hash) continue;
      pending.add(name);
      if (remove) await io.unlink(join(folder, name));
    }
    if (remove) {
      await io.fsyncDir(folder);
      await io.unlink(manifest);
      await io.fsyncDir(folder);
    }
  }
  return pending;
}
