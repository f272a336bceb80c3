// Builds another commit of Tagwright for a before/after comparison in one benchmark run (bench/, Node only):
// `git archive <ref>` into .tmp/bench-builds/<sha>/, this checkout's node_modules linked in, then
// `electron-vite build` there. Builds are kept per commit, so comparing against the same ref twice is quick.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The app root (holding out/, data/) of `ref` built; throws with git's or the build's own message. */
export async function buildRef(ref: string): Promise<{ root: string; sha: string }> {
  const sha = execFileSync('git', ['rev-parse', '--short=10', `${ref}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const root = join(ROOT, '.tmp', 'bench-builds', sha);
  if (existsSync(join(root, 'out', 'main', 'host.js'))) return { root, sha };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git archive ${sha} | tar -x -C "${root}"`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (archive.status !== 0) throw new Error(`git archive ${sha} failed: ${archive.stderr}`);
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  process.stdout.write(`building ${ref} (${sha}) for the comparison… `);
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building ${sha} failed:\n${built.stdout}\n${built.stderr}`);
  return { root, sha };
}
