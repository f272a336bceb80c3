// The logical state of a workspace as sorted facts (bench/reliability, Node only), to compare what a request
// left behind with what it should have: who the local analyst is, analysts, labels, and per document its
// title, revision, statuses, spans and comments. Campaigns that must tell "applied" from "not applied" from
// "half applied" (disk faults, cancelled work) compare fingerprints.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { preferencesSchema, workspaceFileSchema } from '@shared/model';
import { configDirFor } from './built-host';
import { inspectWorkspace } from './workspace-oracle';

/** Who the user is in the workspace at `dir`, as their preferences file says (null: nobody yet). */
async function localAnalyst(dir: string): Promise<string | null> {
  const raw = await readFile(join(configDirFor(dir), 'preferences.json'), 'utf8').catch(() => '{}');
  const prefs = preferencesSchema.parse(JSON.parse(raw));
  return prefs.workspaces.find((w) => w.path === dir)?.annotatorId ?? null;
}

/**
 * The logical state of a workspace as sorted facts: who the local analyst is, the analysts, labels, and per
 * document (keyed by its text's sha256, since imports make random ids) its title, revision, statuses, spans and
 * comments. Timestamps are left out.
 */
export async function fingerprint(dir: string): Promise<string[]> {
  const ws = workspaceFileSchema.parse(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')));
  const facts = [
    `local ${await localAnalyst(dir)}`,
    ...ws.annotators.map((a) => `annotator ${a.id}=${a.name}`),
    ...ws.labelSchema.labels.map((l) => `label ${l.id}=${l.name}`),
  ];
  const { documents, problems } = await inspectWorkspace(dir, false);
  facts.push(...problems.map((p) => `problem ${p}`));
  for (const doc of documents.values()) {
    const key = doc.sha256.slice(0, 12);
    facts.push(`doc ${key} "${doc.title}" revision ${doc.revision}`);
    for (const [layer, status] of Object.entries(doc.status)) facts.push(`status ${key} ${layer}=${status}`);
    for (const [layer, content] of Object.entries(doc.layers)) {
      for (const s of content?.spans ?? [])
        facts.push(`span ${key} ${layer} ${s.id} ${s.label} ${s.start}-${s.end} ${s.note}`);
    }
    for (const c of doc.comments) facts.push(`comment ${key} ${c.target.layer}/${c.target.id} ${c.text}`);
  }
  return facts.sort();
}
