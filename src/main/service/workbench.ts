// The workbench service: implements every method of the contract on top of the workspace store (src/main).
// It never imports electron, so the Electron app, the browser-mode host and the CLI all run this same code.
import { WorkbenchError, type WorkspaceView } from '@shared/api';
import {
  ownEntry,
  setEntry,
  slugify,
  summarizeDocument,
  type Annotator,
  type AnnotatorId,
  type LayerId,
  type Span,
} from '@shared/model';
import type { WorkspaceStore } from '../store/workspace-store';
import { applyOpsToDocument } from './apply-ops';
import type { ServiceHandlers } from './dispatch';
import { importDocuments, type ParseFile } from './import-documents';

export interface WorkbenchOptions {
  now?: () => Date;
  /** How import files are parsed (openWorkbench: on a worker thread with a time budget). */
  parseImport?: ParseFile;
}

export function createWorkbench(store: WorkspaceStore, options: WorkbenchOptions = {}): ServiceHandlers {
  const now = options.now ?? (() => new Date());

  const view = (): WorkspaceView => {
    const ws = store.workspace();
    return {
      path: store.dir,
      labelSchema: ws.labelSchema,
      annotators: ws.annotators,
      localAnnotator: ws.annotators.find((a) => a.id === ws.localAnnotatorId) ?? null,
      documents: store.documents(),
      problems: [...store.problems],
    };
  };

  const requireLocal = (): AnnotatorId => {
    const id = store.workspace().localAnnotatorId;
    if (id === null)
      throw new WorkbenchError('conflict', 'Tell Tagwright your name first: it names your layer.');
    return id;
  };

  return {
    'workspace:get': async () => view(),

    'annotator:set-local': async ({ name }) => {
      await store.updateWorkspace((ws) => {
        const current = ws.annotators.find((a) => a.id === ws.localAnnotatorId);
        if (current !== undefined) {
          current.name = name;
          return;
        }
        const annotator: Annotator = { id: uniqueAnnotatorId(ws.annotators, name), name };
        ws.annotators.push(annotator);
        ws.localAnnotatorId = annotator.id;
      });
      return view();
    },

    'document:get': async ({ docId }) => store.readDocument(docId),

    'documents:import': async ({ files }) =>
      importDocuments(
        store,
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
        options.parseImport === undefined ? { now } : { now, parse: options.parseImport },
      ),

    'annotations:apply': async ({ docId, layer, ops }) => {
      const annotator = requireLocal();
      if (layer !== (annotator as string as LayerId)) {
        throw new WorkbenchError(
          'conflict',
          `You can only edit your own layer (${annotator}), not "${layer}".`,
        );
      }
      const schema = store.workspace().labelSchema;
      let spans: Span[] = [];
      const doc = await store.updateDocument(docId, (draft) => {
        const delta = applyOpsToDocument(draft, layer, ops, { schema, annotator, now: now().toISOString() });
        spans = [...delta.addedSpans, ...delta.updatedSpans];
        if ((ownEntry(draft.status, annotator) ?? 'new') === 'new')
          setEntry(draft.status, annotator, 'in-progress');
      });
      return { summary: summarizeDocument(doc), spans };
    },

    'document:set-status': async ({ docId, annotator, status }) => {
      if (annotator !== requireLocal()) {
        throw new WorkbenchError('conflict', `You can only set your own status, not ${annotator}'s.`);
      }
      const doc = await store.updateDocument(docId, (draft) => {
        setEntry(draft.status, annotator, status);
      });
      return summarizeDocument(doc);
    },
  };
}

function uniqueAnnotatorId(existing: Annotator[], name: string): AnnotatorId {
  const base = slugify(name);
  let candidate = base;
  for (let n = 2; existing.some((a) => a.id === candidate); n++) candidate = `${base}-${n}`;
  return candidate as AnnotatorId;
}
