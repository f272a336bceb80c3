// Service handlers for the workspace as a whole (src/main): its view, and naming the local analyst.
import { RESERVED_ANNOTATOR_IDS, slugify, type Annotator, type AnnotatorId } from '@shared/model';
import type { ServiceHandlers } from '../dispatch';
import type { ServiceContext } from '../service-context';

type WorkspaceHandlers = Pick<ServiceHandlers, 'workspace:get' | 'annotator:set-local'>;

export function workspaceHandlers(ctx: ServiceContext): WorkspaceHandlers {
  return {
    'workspace:get': async () => ctx.view(),

    'annotator:set-local': async ({ name }, caller) => {
      await ctx.store.updateWorkspace((ws) => {
        const current = ws.annotators.find((a) => a.id === ws.localAnnotatorId);
        if (current !== undefined) {
          current.name = name;
          return;
        }
        const annotator: Annotator = { id: uniqueAnnotatorId(ws.annotators, name), name };
        ws.annotators.push(annotator);
        ws.localAnnotatorId = annotator.id;
      });
      ctx.events.publish({ kind: 'workspace-changed' }, caller.clientId);
      return ctx.view();
    },
  };
}

export function uniqueAnnotatorId(existing: readonly Annotator[], name: string): AnnotatorId {
  const base = slugify(name);
  let candidate = base;
  for (let n = 2; RESERVED_ANNOTATOR_IDS.has(candidate) || existing.some((a) => a.id === candidate); n++)
    candidate = `${base}-${n}`;
  return candidate as AnnotatorId;
}
