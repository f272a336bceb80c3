// Set-up of every unit-test process (vitest's setupFiles): test files run in parallel worker processes, so
// each process keeps its preferences in its own folder, never the real user's config folder and never one
// another process is writing at the same moment.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env['TAGWRIGHT_CONFIG_DIR'] = join(tmpdir(), `tagwright-test-config-${process.pid}`);
