// Contract methods that change the label schema of a workspace in use (shared layer): a preview of what a
// new schema does to the documents (renames, and what it would remove), and the change itself, which main
// applies to the schema and every document together, or not at all. Losses need the counts confirmed.
import { z } from 'zod';
import { idString, labelSchemaSchema, type LabelSchema, type MigrationImpact } from '../../model';
import { method } from '../define';

const renameSchema = z.object({ from: idString, to: idString }).strict();

export const schemaChangeSchema = z
  .object({
    schema: labelSchemaSchema,
    renames: z
      .object({
        labels: z.array(renameSchema).max(50),
        relationTypes: z.array(renameSchema).max(50),
        attributes: z.array(renameSchema.extend({ label: idString }).strict()).max(500),
      })
      .strict(),
    /**
     * How many records the analyst agreed to lose (what the preview said). A change that would remove
     * anything is refused unless this equals what it removes now.
     */
    confirmLosses: z.number().int().nonnegative().optional(),
  })
  .strict();

export type SchemaChange = z.input<typeof schemaChangeSchema>;

export interface SchemaPreview {
  impact: MigrationImpact;
  /** What the change would remove, counted as `confirmLosses` must repeat it; 0 needs no confirmation. */
  losses: number;
  /** Why the schema cannot be used as it is (repeated ids or hotkeys, relation ends that are not labels). */
  problems: string[];
}

export interface SchemaUpdateResult {
  labelSchema: LabelSchema;
  impact: MigrationImpact;
}

export const schemaMethods = {
  'schema:preview': method(schemaChangeSchema).returns<SchemaPreview>(),
  'schema:update': method(schemaChangeSchema).returns<SchemaUpdateResult>(),
};
