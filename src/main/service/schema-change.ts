// Changing the label schema of a workspace in use (src/main). Loading checks every document strictly against
// the schema, so a schema change and the migration of every document that uses it are one operation: the
// workspace first gets the union of the old and new schemas (every document is valid under it, migrated or
// not, so a crash half-way leaves nothing that loads as damage), then each document is migrated, then the new
// schema replaces the union. Any failure puts the documents and the old schema back.
import { WorkbenchError, type SchemaPreview, type SchemaUpdateResult } from '@shared/api';
import {
  describeLosses,
  documentProblem,
  emptyImpact,
  labelSchemaSchema,
  losses,
  migrateDocument,
  renamesProblem,
  schemaProblems,
  type DocId,
  type LabelSchema,
  type SchemaRenames,
} from '@shared/model';
import type { WorkspaceStore } from '../store/workspace-store';
import { forEachDocument, nothingKept, rewriteDocuments, type DocumentRewrite } from './corpus';
import { mergeSchemaInto } from './exchange/schema-additions';

interface ValidChange {
  schema: LabelSchema;
  renames: SchemaRenames;
  confirmLosses?: number;
}

interface SchemaPlan {
  preview: SchemaPreview;
  /** Documents the change migrates. */
  docIds: DocId[];
}

async function plan(store: WorkspaceStore, change: ValidChange): Promise<SchemaPlan> {
  const current = store.workspace().labelSchema;
  const problems = schemaProblems(change.schema);
  const renames = renamesProblem(current, change.schema, change.renames);
  if (renames !== null) problems.push(renames);
  const impact = emptyImpact();
  const docIds: DocId[] = [];
  if (problems.length === 0) {
    await forEachDocument(store, (doc) => {
      if (migrateDocument(doc, change.schema, change.renames, impact) !== null) docIds.push(doc.id);
    });
  }
  return { preview: { impact, losses: losses(impact), problems }, docIds };
}

export async function previewSchemaChange(
  store: WorkspaceStore,
  change: ValidChange,
): Promise<SchemaPreview> {
  return (await plan(store, change)).preview;
}

export async function applySchemaChange(
  store: WorkspaceStore,
  change: ValidChange,
): Promise<SchemaUpdateResult & { docIds: DocId[] }> {
  const { preview, docIds } = await plan(store, change);
  if (preview.problems.length > 0)
    throw new WorkbenchError('invalid-request', `The schema cannot be used: ${preview.problems.join(' ')}`);
  if (preview.losses > 0 && change.confirmLosses !== preview.losses) {
    throw new WorkbenchError(
      'conflict',
      `This change removes ${describeLosses(preview.impact)}. Confirm it (${preview.losses} records) to go ahead.`,
      { losses: preview.losses, impact: preview.impact },
    );
  }
  const before = store.workspace().labelSchema;
  if (docIds.length > 0) await setSchema(store, unionOf(before, change.schema));
  const rewrites: DocumentRewrite[] = docIds.map((docId) => ({
    docId,
    rewrite: (draft) => {
      const migrated = migrateDocument(draft, change.schema, change.renames, emptyImpact());
      if (migrated === null) return;
      const problem = documentProblem(migrated, change.schema);
      if (problem !== null)
        throw new WorkbenchError(
          'internal',
          `Document "${draft.title}" would not load after the change: ${problem}`,
        );
      Object.assign(draft, {
        layers: migrated.layers,
        comments: migrated.comments,
        rejectedSuggestions: migrated.rejectedSuggestions,
      });
    },
  }));
  let rewritten;
  try {
    rewritten = await rewriteDocuments(store, rewrites);
  } catch (error) {
    await setSchema(store, before).catch(() => undefined);
    throw error;
  }
  try {
    await setSchema(store, change.schema);
  } catch (error) {
    await rewritten.rollBack();
    await setSchema(store, before).catch(() => undefined);
    throw nothingKept(error);
  }
  return { labelSchema: store.workspace().labelSchema, impact: preview.impact, docIds };
}

/** Old and new together: labels, attributes, values and relation ends of both (see mergeSchemaInto). */
function unionOf(before: LabelSchema, after: LabelSchema): LabelSchema {
  const union = structuredClone(before);
  mergeSchemaInto(union, after);
  const checked = labelSchemaSchema.safeParse(union);
  if (!checked.success) {
    throw new WorkbenchError(
      'invalid-request',
      'The old and new schema together have more labels or relation types than a schema may hold; make the change in two steps.',
    );
  }
  return checked.data;
}

async function setSchema(store: WorkspaceStore, schema: LabelSchema): Promise<void> {
  await store.updateWorkspace((ws) => {
    ws.labelSchema = structuredClone(schema);
  });
}
