// Events main sends to every renderer window (shared layer): changes made by another window or process, and
// progress of long work. Electron carries them with webContents.send, browser mode with Server-Sent Events;
// both are derived from this one type. A window never receives the events its own requests caused.
import type { AnnotatorId, DocId, DocumentSummary, LayerDelta, LayerId, Preferences } from '../model';
import type { SearchHit } from '../search';

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
  /** Another workspace folder was opened in place of this one: every window reloads. */
  | { kind: 'workspace-switched'; path: string }
  /** Whole layers of these documents were replaced (an import): open sessions reload them from main. */
  | { kind: 'documents-reloaded'; docIds: DocId[] }
  /** Documents went to the trash (a restore arrives as documents-changed). */
  | { kind: 'documents-removed'; docIds: DocId[] }
  | { kind: 'progress'; taskId: string; phase: string; done: number; total: number }
  /** Hits a running search found so far (to the window that asked only). */
  | { kind: 'search-hits'; taskId: string; hits: SearchHit[] }
  /** This user changed a setting in another window (theme, text size, shortcuts…). */
  | { kind: 'preferences-changed'; preferences: Preferences };

export type WorkbenchEventKind = WorkbenchEvent['kind'];

/** The channel name used by Electron and the HTTP path of the event stream. */
export const EVENT_CHANNEL = 'tagwright:event';
export const EVENTS_PATH = '/api/events';
