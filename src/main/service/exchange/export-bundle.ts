// Gathers what an export holds (src/main): the chosen documents (all, by id, or by status), only the chosen
// layers and labels, the relations whose two ends survive the label choice, and the comments on what is kept.
// Reads one document at a time, reporting progress and stopping as soon as the work is cancelled.
import { WorkbenchError, type DocumentSelection } from '@shared/api';
import type { ExportBundle, ExportDocument, ExportWarning } from '@shared/formats/annotations';
import {
  ownEntry,
  type Annotator,
  type DocId,
  type DocumentRecord,
  type DocumentSummary,
  type Layer,
} from '@shared/model';
import type { WorkspaceStore } from '../../store/workspace-store';
import { damagedDocumentIds } from '../corpus';
import type { Task } from '../tasks';

export interface ExportChoice {
  /** Layer ids; empty: every layer. */
  layers: readonly string[];
  /** Label ids; empty: every label. */
  labels: readonly string[];
  documents: DocumentSelection;
}

export interface GatheredExport {
  bundle: ExportBundle;
  /** What the choice left out (relations cut by the label filter, damaged documents skipped). */
  warnings: ExportWarning[];
}

/** Documents the selection names, in list order; unknown ids are an error (a script asked for them). */
export function selectDocuments(
  summaries: readonly DocumentSummary[],
  choice: ExportChoice,
): DocumentSummary[] {
  const selection = choice.documents;
  if (selection.kind === 'all') return [...summaries];
  if (selection.kind === 'ids') {
    const known = new Set(summaries.map((s) => s.id as string));
    const missing = selection.ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new WorkbenchError(
        'not-found',
        `No document with id ${missing.slice(0, 5).join(', ')} in the workspace.`,
      );
    }
    const wanted = new Set<string>(selection.ids);
    return summaries.filter((s) => wanted.has(s.id));
  }
  // By status: a document qualifies when the analyst of an exported layer (or gold's curation) has that status.
  const statuses = new Set<string>(selection.statuses);
  return summaries.filter((summary) => {
    const owners = choice.layers.length > 0 ? choice.layers : Object.keys(summary.status);
    return owners.some((owner) => statuses.has(ownEntry(summary.status, owner) ?? 'new'));
  });
}

export async function gatherExport(
  store: WorkspaceStore,
  choice: ExportChoice,
  exportedBy: string,
  now: Date,
  task: Task,
): Promise<GatheredExport> {
  const ws = store.workspace();
  const damaged = damagedDocumentIds(store);
  const selected = selectDocuments(store.documents(), choice);
  const warnings: ExportWarning[] = [];
  const documents: ExportDocument[] = [];
  for (const [index, summary] of selected.entries()) {
    task.checkpoint();
    task.progress('Reading documents', index, selected.length);
    if (damaged.has(summary.id)) {
      warnings.push({
        document: summary.title,
        message: 'left out: its file is damaged (see the problems list)',
      });
      continue;
    }
    // A frozen snapshot, not a clone: the bundle only copies out of it, and the worker gets its own copy anyway.
    const doc = await store.documentSnapshot(summary.id as DocId);
    documents.push(exportDocument(doc, choice, warnings));
  }
  task.progress('Reading documents', selected.length, selected.length);
  const layerIds = new Set(documents.flatMap((d) => Object.keys(d.layers)));
  const unknownLayers = choice.layers.filter((layer) => !layerIds.has(layer));
  if (choice.layers.length > 0 && unknownLayers.length === choice.layers.length && documents.length > 0) {
    throw new WorkbenchError('not-found', `No chosen document has a layer ${choice.layers.join(', ')}.`);
  }
  const labels =
    choice.labels.length === 0
      ? ws.labelSchema.labels
      : ws.labelSchema.labels.filter((l) => choice.labels.includes(l.id));
  const annotators: Annotator[] = ws.annotators.filter((a) => layerIds.has(a.id));
  const bundle: ExportBundle = {
    schema: { ...ws.labelSchema, labels },
    annotators,
    documents,
    exportedAt: now.toISOString(),
    exportedBy,
  };
  return { bundle, warnings };
}

function exportDocument(
  doc: Readonly<DocumentRecord>,
  choice: ExportChoice,
  warnings: ExportWarning[],
): ExportDocument {
  const layers: Record<string, Layer> = Object.create(null) as Record<string, Layer>;
  let cut = 0;
  for (const [id, layer] of Object.entries(doc.layers)) {
    if (choice.layers.length > 0 && !choice.layers.includes(id)) continue;
    const spans =
      choice.labels.length === 0 ? layer.spans : layer.spans.filter((s) => choice.labels.includes(s.label));
    const kept = new Set<string>(spans.map((s) => s.id));
    const relations = layer.relations.filter((r) => kept.has(r.from) && kept.has(r.to));
    cut += layer.relations.length - relations.length;
    layers[id] = { spans, relations };
  }
  if (cut > 0) {
    warnings.push({
      document: doc.title,
      message: `${cut} relation(s) left out: an end's label was not exported`,
    });
  }
  const comments = doc.comments.length === 0 ? [] : keptComments(doc, layers);
  const { id, title, text, sha256, meta, import: info, status } = doc;
  return { id, title, text, sha256, meta, import: info, status, layers, comments };
}

/** The comments whose target (a span or relation of an exported layer) is exported; ids looked up in sets. */
function keptComments(
  doc: Readonly<DocumentRecord>,
  layers: Record<string, Layer>,
): DocumentRecord['comments'] {
  const targets = new Map<string, Set<string>>();
  const targetsIn = (layerId: string, layer: Layer): Set<string> => {
    let ids = targets.get(layerId);
    if (ids === undefined) {
      ids = new Set<string>([
        ...layer.spans.map((s) => `span:${s.id}`),
        ...layer.relations.map((r) => `relation:${r.id}`),
      ]);
      targets.set(layerId, ids);
    }
    return ids;
  };
  return doc.comments.filter((c) => {
    const layer = ownEntry(layers, c.target.layer);
    return layer !== undefined && targetsIn(c.target.layer, layer).has(`${c.target.kind}:${c.target.id}`);
  });
}
