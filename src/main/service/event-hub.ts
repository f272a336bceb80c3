// Fans workbench events out to every connected window (src/main): Electron windows through webContents.send,
// browser tabs through their Server-Sent Events stream. The window whose request caused an event does not get
// it back (it already applied the change), so nothing echoes.
import type { WorkbenchEvent } from '@shared/api';

export type EventSink = (event: WorkbenchEvent) => void;

export class EventHub {
  private readonly sinks = new Map<string, EventSink>();

  /** Registers a window; returns the function that removes it. A client id re-subscribing replaces its sink. */
  subscribe(clientId: string, sink: EventSink): () => void {
    this.sinks.set(clientId, sink);
    return () => {
      if (this.sinks.get(clientId) === sink) this.sinks.delete(clientId);
    };
  }

  /** Sends `event` to every window except `except` (the one that caused it). A failing sink is dropped. */
  publish(event: WorkbenchEvent, except?: string): void {
    for (const [clientId, sink] of [...this.sinks]) {
      if (clientId === except) continue;
      try {
        sink(event);
      } catch {
        this.sinks.delete(clientId);
      }
    }
  }

  /** Sends `event` to one window only (progress of the work it asked for). */
  sendTo(clientId: string, event: WorkbenchEvent): void {
    const sink = this.sinks.get(clientId);
    if (sink === undefined) return;
    try {
      sink(event);
    } catch {
      this.sinks.delete(clientId);
    }
  }

  get size(): number {
    return this.sinks.size;
  }
}
