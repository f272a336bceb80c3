// Service handlers for canonical actors (src/main): the actors of the workspace, and renaming, merging and
// undoing across every document of the analyst's layer (actor-change.ts), announced to the other windows.
import type { ServiceHandlers } from '../dispatch';
import { assignActors, listActors, renameActors } from '../actor-change';
import type { ServiceContext } from '../service-context';
import { announceRewrites } from './announce';

type ActorHandlers = Pick<ServiceHandlers, 'actors:list' | 'actors:rename' | 'actors:assign'>;

export function actorHandlers(ctx: ServiceContext): ActorHandlers {
  return {
    'actors:list': async () => ({ actors: await listActors(ctx) }),

    'actors:rename': async ({ names, to }, caller) => {
      const { docIds, ...change } = await renameActors(ctx, names, to);
      announceRewrites(ctx, docIds, caller);
      return change;
    },

    'actors:assign': async ({ assignments }, caller) => {
      const { docIds, ...change } = await assignActors(ctx, assignments);
      announceRewrites(ctx, docIds, caller);
      return change;
    },
  };
}
