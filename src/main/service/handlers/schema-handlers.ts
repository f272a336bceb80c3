// Service handlers that change the label schema (src/main): a preview of what a new schema does to the
// documents, and the change itself with the migration of every document it touches (schema-change.ts),
// announced to the other windows so they reload the schema and the documents.
import type { ServiceHandlers } from '../dispatch';
import { applySchemaChange, previewSchemaChange } from '../schema-change';
import type { ServiceContext } from '../service-context';
import { announceRewrites } from './announce';

type SchemaHandlers = Pick<ServiceHandlers, 'schema:preview' | 'schema:update'>;

export function schemaHandlers(ctx: ServiceContext): SchemaHandlers {
  return {
    'schema:preview': async (change) => previewSchemaChange(ctx.store, change),

    'schema:update': async (change, caller) => {
      ctx.requireLocal();
      const { docIds, ...result } = await applySchemaChange(ctx.store, change);
      ctx.events.publish({ kind: 'workspace-changed' }, caller.clientId);
      announceRewrites(ctx, docIds, caller);
      return result;
    },
  };
}
