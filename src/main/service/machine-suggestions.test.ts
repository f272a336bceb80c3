// The offline suggester through the service: proposals per document from the worker thread with their links,
// never over the analyst's own spans or their rejections, refused when the user turned suggestions off, and
// written as a named layer (the CLI's path) all or nothing, again without duplicates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MachineSuggestions, WrittenSuggestions } from '@shared/api';
import type { DocumentRecord } from '@shared/model';
import { tagOps, taggedWorkspace, tempWorkbench, valueOf } from './test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
beforeEach(async () => {
  wb = await tempWorkbench();
});
afterEach(async () => wb.cleanup());

const A =
  'Damascus insists that Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan.';
const ARABIC = 'قالت دمشق إن على تركيا سحب قواتها قبل أي لقاء بين الرئيسين في أستانا هذا الأسبوع.';

const machine = async (documentIds?: string[]) =>
  valueOf<MachineSuggestions>(
    await wb.dispatch('suggestions:machine', documentIds === undefined ? {} : { documentIds }),
  );

describe('machine suggestions through the service', () => {
  it('proposes actors, the claim and its condition with links, and nothing for Arabic script', async () => {
    const { docIds } = await taggedWorkspace(wb, [
      { name: 'a.txt', text: A },
      { name: 'ar.txt', text: ARABIC },
    ]);
    const { documents, skipped } = await machine();
    expect(skipped).toEqual([]);
    expect(documents.map((d) => [d.docId, d.language])).toEqual([
      [docIds[0], 'en'],
      [docIds[1], 'unsupported'],
    ]);
    expect(documents[1]!.suggestions).toEqual([]);
    const found = documents[0]!.suggestions;
    expect(found.filter((s) => s.label === 'actor').map((s) => s.quote)).toContain('Damascus');
    const claim = found.find((s) => s.label === 'claim')!;
    expect(claim.relations?.map((r) => r.type).sort()).toEqual(['conditions', 'says']);
  });

  it('leaves out what the analyst tagged and what they rejected, in the documents asked for', async () => {
    const { docIds } = await taggedWorkspace(wb, [
      { name: 'a.txt', text: A, ops: (t) => tagOps(t, [['Damascus', 'actor']]) },
      { name: 'b.txt', text: `${A} Ankara declined.` },
    ]);
    const before = (await machine([docIds[0]!])).documents;
    expect(before.map((d) => d.docId)).toEqual([docIds[0]]);
    expect(before[0]!.suggestions.map((s) => s.quote)).not.toContain('Damascus');
    const turkey = before[0]!.suggestions.find((s) => s.quote === 'Turkey')!;
    const { start, end } = turkey;
    valueOf(await wb.dispatch('suggestions:reject', { docId: docIds[0], label: 'actor', start, end }));
    const after = (await machine([docIds[0]!])).documents[0]!.suggestions;
    expect(after.map((s) => s.key)).not.toContain(turkey.key);
    expect(after.length).toBe(before[0]!.suggestions.length - 1);
  });

  it('refuses unknown documents by id, and everything when suggestions are turned off', async () => {
    await taggedWorkspace(wb, [{ name: 'a.txt', text: A }]);
    const unknown = await wb.dispatch('suggestions:machine', { documentIds: ['nope'] });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'not-found', message: /"nope"/ });
    const configDir = await mkdtemp(join(tmpdir(), 'tagwright-prefs-'));
    await writeFile(join(configDir, 'preferences.json'), JSON.stringify({ suggestions: false }));
    const off = await tempWorkbench(false, { configDir });
    try {
      await taggedWorkspace(off, [{ name: 'a.txt', text: A }]);
      const refused = await off.dispatch('suggestions:machine', {});
      expect(refused.ok ? null : refused.error.code).toBe('conflict');
    } finally {
      await off.cleanup();
      await rm(configDir, { recursive: true, force: true });
    }
  });

  it('stops when the window cancels, at its first progress report', async () => {
    await taggedWorkspace(wb, [
      { name: 'a.txt', text: A },
      { name: 'b.txt', text: `${A} Ankara declined.` },
    ]);
    const taskId = 'suggest-cancel-1';
    const progress: string[] = [];
    const stop = wb.events.subscribe('window-1', (event) => {
      if (event.kind !== 'progress') return;
      progress.push(`${event.done}/${event.total}`);
      void wb.dispatch('task:cancel', { taskId });
    });
    const result = await wb.dispatch('suggestions:machine', { taskId }, { clientId: 'window-1' });
    stop();
    expect(progress[0]).toBe('0/2');
    expect(result.ok ? null : result.error.code).toBe('cancelled');
  });

  it('writes the suggestions as a new layer with their links, and adds nothing the second time', async () => {
    const { docIds } = await taggedWorkspace(wb, [{ name: 'a.txt', text: A }]);
    const first = valueOf<WrittenSuggestions>(
      await wb.dispatch('suggestions:write-layer', { layer: 'Machine' }),
    );
    expect(first.created).toMatchObject({ name: 'Machine' });
    const doc = valueOf<DocumentRecord>(await wb.dispatch('document:get', { docId: docIds[0] }));
    const layer = doc.layers[first.layer]!;
    expect(layer.spans).toHaveLength(first.documents[0]!.spans);
    expect(layer.relations.map((r) => r.type).sort()).toEqual(['conditions', 'says']);
    const second = valueOf<WrittenSuggestions>(
      await wb.dispatch('suggestions:write-layer', { layer: 'machine' }),
    );
    expect(second).toMatchObject({ layer: first.layer, created: null });
    expect(second.documents[0]).toMatchObject({ spans: 0, relations: 0 });
  });

  it('refuses the gold layer and an empty name, writing nothing', async () => {
    await taggedWorkspace(wb, [{ name: 'a.txt', text: A }]);
    for (const layer of ['gold', '  ']) {
      const refused = await wb.dispatch('suggestions:write-layer', { layer });
      expect(refused.ok ? null : refused.error.code).toBe('invalid-request');
    }
  });
});
