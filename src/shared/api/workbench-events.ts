// Events main sends to every renderer window (shared layer): changes made by another window or process, and
// progress of long work. Electron carries them with webContents.send, browser mode with Server-Sent Events;
// both are derived from this one type. A window never receives the events its own requests caused.
import type { AnnotatorId, DocId, DocumentSummary, LayerDelta, LayerId } from '../model';

export type WorkbenchEvent =
  | {
      kind: 'annotations-changed';
      docId: DocId;
      layer: LayerId;
      delta: LayerDelta;
      /** The document's revision after the change: a window that missed one reloads the document. */
      revision: number;
      summary: DocumentSummary;
      by: AnnotatorId;
    }
  | { kind: 'documents-changed'; summaries: DocumentSummary[] }
  | { kind: 'workspace-changed' }
  /** Whole layers of these documents were replaced (an import): open sessions reload them from main. */
  | { kind: 'documents-reloaded'; docIds: DocId[] }
  | { kind: 'progress'; taskId: string; phase: string; done: number; total: number };

export type WorkbenchEventKind = WorkbenchEvent['kind'];

/** The channel name used by Electron and the HTTP path of the event stream. */
export const EVENT_CHANNEL = 'tagwright:event';
export const EVENTS_PATH = '/api/events';
