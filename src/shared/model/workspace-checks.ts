// Semantic checks of workspace.json beyond its zod schema (shared layer, pure): every analyst, label and
// relation type has an id of its own, and no analyst takes the id of the adjudicated gold layer. Two analysts
// with one id would write one layer; an analyst called "gold" would write the adjudication. Run when the file
// is loaded (such damage is quarantined like any other) and before it is written.
import { RESERVED_ANNOTATOR_IDS } from './ids';
import type { WorkspaceFile } from './workspace';

/** The path and index of the first record of `records` whose id an earlier one has, or null. */
function firstTwin(path: string, records: readonly { id: string }[]): string | null {
  const seen = new Map<string, number>();
  for (const [index, { id }] of records.entries()) {
    const twin = seen.get(id);
    if (twin !== undefined) return `"${path}.${index}.id": "${id}" is also the id of ${path}.${twin}`;
    seen.set(id, index);
  }
  return null;
}

/** The first semantic problem of a parsed workspace.json, named by its field, or null when it has none. */
export function workspaceProblem(ws: WorkspaceFile): string | null {
  const reserved = ws.annotators.findIndex((a) => RESERVED_ANNOTATOR_IDS.has(a.id));
  if (reserved >= 0) {
    const id = ws.annotators[reserved]?.id ?? '';
    return `"annotators.${reserved}.id": "${id}" is the adjudicated layer, which no analyst can be`;
  }
  return (
    firstTwin('annotators', ws.annotators) ??
    firstTwin('labelSchema.labels', ws.labelSchema.labels) ??
    firstTwin('labelSchema.relationTypes', ws.labelSchema.relationTypes)
  );
}
