// Canonical actors in the renderer (src/renderer/stores): the actors of the workspace (names offered when an
// actor span is tied to one), and renaming or merging them across the corpus with undo and redo. Main does
// the change over every document and answers with the assignments that undo it; the open documents reload.
import type { ActorChange } from '@shared/api';
import type { ActorAssignment, ActorEntry, DocId } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';
import type { SessionRegistry } from './session-registry';

export interface ActorHistory {
  undo: { label: string; change: ActorChange }[];
  redo: { label: string; change: ActorChange }[];
}

export function createActorStore(api: TagwrightApi, sessions: SessionRegistry) {
  const actors = observable<ActorEntry[] | null>(null);
  const history = observable<ActorHistory>({ undo: [], redo: [] });

  const load = async (): Promise<void> => {
    const result = await api['actors:list']({});
    if (result.ok) actors.set(result.value.actors);
  };

  /** Sends assignments to main, then brings the open documents and the list up to date. */
  const assign = async (assignments: ActorAssignment[]): Promise<ActorChange | string> => {
    const result = await api['actors:assign']({ assignments });
    if (!result.ok) return result.error.message;
    await afterChange(result.value);
    return result.value;
  };

  const afterChange = async (change: ActorChange): Promise<void> => {
    await sessions.reload([...new Set(change.redo.map((a) => a.docId as DocId))]);
    await load();
  };

  return {
    actors,
    history,
    load,
    /** The names to offer for a canonical actor: every actor named in the workspace. */
    names: (): string[] => (actors.get() ?? []).map((a) => a.name),

    /** Every span of the analyst's layer going by one of `names` goes by `to`; an error message or null. */
    async rename(names: readonly string[], to: string): Promise<string | null> {
      const result = await api['actors:rename']({ names: [...names], to });
      if (!result.ok) return result.error.message;
      if (result.value.spans === 0) return null;
      await afterChange(result.value);
      const label = names.length > 1 ? `Merge into ${to}` : `Rename ${names[0]} to ${to}`;
      history.update((h) => ({ undo: [...h.undo, { label, change: result.value }], redo: [] }));
      return null;
    },

    async undo(): Promise<string | null> {
      const entry = history.get().undo.at(-1);
      if (entry === undefined) return null;
      const outcome = await assign(entry.change.undo);
      if (typeof outcome === 'string') return outcome;
      history.update((h) => ({ undo: h.undo.slice(0, -1), redo: [...h.redo, entry] }));
      return null;
    },

    async redo(): Promise<string | null> {
      const entry = history.get().redo.at(-1);
      if (entry === undefined) return null;
      const outcome = await assign(entry.change.redo);
      if (typeof outcome === 'string') return outcome;
      history.update((h) => ({ undo: [...h.undo, entry], redo: h.redo.slice(0, -1) }));
      return null;
    },
  };
}

export type ActorStore = ReturnType<typeof createActorStore>;
