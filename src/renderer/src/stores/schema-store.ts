// The label schema in use, changed from the schema editor (src/renderer/stores): a preview of what the change
// does to the documents, then the change, after which the workspace and the open document are read again
// (undo histories name the old labels, so the sessions start afresh).
import type { SchemaChange, SchemaPreview } from '@shared/api';
import type { TagwrightApi } from '../api/client';
import type { SessionRegistry } from './session-registry';
import type { WorkspaceStore } from './workspace-store';

export function createSchemaStore(api: TagwrightApi, workspace: WorkspaceStore, sessions: SessionRegistry) {
  return {
    async preview(change: SchemaChange): Promise<SchemaPreview | string> {
      const result = await api['schema:preview'](change);
      return result.ok ? result.value : result.error.message;
    },

    /** Applies the change; an error message, or null once the workspace shows the new schema. */
    async apply(change: SchemaChange): Promise<string | null> {
      const result = await api['schema:update'](change);
      if (!result.ok) return result.error.message;
      const open = sessions.openId;
      await workspace.load();
      sessions.clear();
      if (open !== null) await sessions.open(open);
      return null;
    },
  };
}

export type SchemaStore = ReturnType<typeof createSchemaStore>;
