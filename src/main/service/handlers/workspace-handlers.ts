// Service handlers for the workspace as a whole (src/main): its view, opening another one in its place, and
// naming the local analyst.
import { WorkbenchError } from '@shared/api';
import { RESERVED_ANNOTATOR_IDS, slugify, type Annotator, type AnnotatorId } from '@shared/model';
import type { ServiceHandlers } from '../dispatch';
import type { ServiceContext } from '../service-context';

type WorkspaceHandlers = Pick<
  ServiceHandlers,
  'workspace:get' | 'workspace:open' | 'annotator:set-local' | 'annotator:rename'
>;

export function workspaceHandlers(ctx: ServiceContext): WorkspaceHandlers {
  return {
    'workspace:get': async () => ctx.view(),

    'workspace:open': async (request, caller) => {
      if (ctx.switchWorkspace === undefined) {
        throw new WorkbenchError(
          'conflict',
          'This Tagwright works on one workspace; start it on the other folder.',
        );
      }
      return ctx.switchWorkspace(request, caller);
    },

    'annotator:set-local': async (request, caller) => {
      const annotators = ctx.store.workspace().annotators;
      let me: Annotator;
      if ('annotatorId' in request) {
        const known = annotators.find((a) => a.id === request.annotatorId);
        if (known === undefined)
          throw new WorkbenchError('not-found', `There is no analyst "${request.annotatorId}" here.`);
        me = known;
      } else {
        const namesake = annotators.find((a) => a.name.toLowerCase() === request.name.toLowerCase());
        if (namesake !== undefined) {
          throw new WorkbenchError(
            'conflict',
            `An analyst named ${namesake.name} already has a layer in this workspace. If you are ${namesake.name}, ` +
              'choose “Continue as …”; otherwise give a name of your own, so nobody writes into another’s layer.',
          );
        }
        me = { id: uniqueAnnotatorId(annotators, request.name), name: request.name };
        await ctx.store.updateWorkspace((ws) => {
          ws.annotators.push(me);
        });
        ctx.events.publish({ kind: 'workspace-changed' }, caller.clientId);
      }
      await rememberIdentity(ctx, me);
      return ctx.view();
    },

    'annotator:rename': async ({ name }, caller) => {
      const me = ctx.requireLocal();
      const taken = ctx.store
        .workspace()
        .annotators.find((a) => a.id !== me && a.name.toLowerCase() === name.toLowerCase());
      if (taken !== undefined)
        throw new WorkbenchError('conflict', `Another analyst is already called ${taken.name}.`);
      await ctx.store.updateWorkspace((ws) => {
        const mine = ws.annotators.find((a) => a.id === me);
        if (mine !== undefined) mine.name = name;
      });
      await ctx.preferences.update((prefs) => {
        prefs.analystName = name;
      });
      ctx.events.publish({ kind: 'workspace-changed' }, caller.clientId);
      return ctx.view();
    },
  };
}

/** This user is `me` in this workspace from now on (newest first: the list doubles as "open recent"). */
async function rememberIdentity(ctx: ServiceContext, me: Annotator): Promise<void> {
  await ctx.preferences.update((prefs) => {
    prefs.analystName = me.name;
    prefs.workspaces = [
      { path: ctx.store.dir, annotatorId: me.id, lastOpened: ctx.now().toISOString() },
      ...prefs.workspaces.filter((w) => w.path !== ctx.store.dir),
    ].slice(0, 100);
  });
}

export function uniqueAnnotatorId(existing: readonly Annotator[], name: string): AnnotatorId {
  const base = slugify(name);
  let candidate = base;
  for (let n = 2; RESERVED_ANNOTATOR_IDS.has(candidate) || existing.some((a) => a.id === candidate); n++)
    candidate = `${base}-${n}`;
  return candidate as AnnotatorId;
}
