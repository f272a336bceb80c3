// Opens documents and keeps their sessions for the rest of the visit (src/renderer/stores), so undo history
// survives switching documents. Only the newest open request may show its document: a late answer for a
// document the analyst already left is kept in the cache but never reaches the view. Routes main's events
// about other windows' changes to the session they concern.
import type { WorkbenchEvent } from '@shared/api';
import type { AnnotatorId, DocId } from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { DocumentSession, type SessionDeps } from './document-session';
import { observable } from './observable';

export type SessionPhase =
  | { kind: 'none' }
  | { kind: 'loading'; docId: DocId }
  | { kind: 'failed'; docId: DocId; message: string }
  | { kind: 'ready'; session: DocumentSession };

const MAX_SESSIONS = 24;

export class SessionRegistry {
  readonly phase = observable<SessionPhase>({ kind: 'none' });
  private readonly sessions = new Map<DocId, DocumentSession>();
  private latest = 0;

  constructor(
    private readonly api: TagwrightApi,
    private readonly deps: Omit<SessionDeps, 'api'>,
    private readonly analyst: () => AnnotatorId | null,
  ) {}

  get current(): DocumentSession | null {
    const phase = this.phase.get();
    return phase.kind === 'ready' ? phase.session : null;
  }

  get openId(): DocId | null {
    const phase = this.phase.get();
    return phase.kind === 'none' ? null : phase.kind === 'ready' ? phase.session.docId : phase.docId;
  }

  session(docId: DocId): DocumentSession | undefined {
    return this.sessions.get(docId);
  }

  async open(docId: DocId): Promise<void> {
    const request = ++this.latest;
    const cached = this.sessions.get(docId);
    if (cached !== undefined) {
      this.touch(docId, cached);
      this.phase.set({ kind: 'ready', session: cached });
      return;
    }
    this.phase.set({ kind: 'loading', docId });
    const result = await this.api['document:get']({ docId });
    const analyst = this.analyst();
    if (!result.ok || analyst === null) {
      if (request === this.latest) {
        const message = result.ok ? 'Tell Tagwright your name first.' : result.error.message;
        this.phase.set({ kind: 'failed', docId, message });
      }
      return;
    }
    const session =
      this.sessions.get(docId) ??
      new DocumentSession(result.value, analyst, analyst, { ...this.deps, api: this.api });
    this.touch(docId, session);
    if (request === this.latest) this.phase.set({ kind: 'ready', session });
  }

  /** Resolves when every change of every open session has been answered by main. */
  async whenAllSaved(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.whenSaved()));
  }

  /** Sends every queued change of every session now: the page is being unloaded. */
  flushAll(): void {
    for (const session of this.sessions.values()) session.flushNow();
  }

  /** Forgets every session (the analyst changed, so the editable layer did). */
  clear(): void {
    this.sessions.clear();
    this.latest++;
    this.phase.set({ kind: 'none' });
  }

  /** Drops the sessions of documents that left the workspace (trash); the open one closes. */
  forget(docIds: readonly string[]): void {
    for (const docId of docIds) this.sessions.delete(docId as DocId);
    const open = this.openId;
    if (open !== null && docIds.includes(open)) {
      this.latest++;
      this.phase.set({ kind: 'none' });
    }
  }

  /** Replaces the cached sessions of these documents with fresh copies from main (after an import). */
  async reload(docIds: readonly DocId[]): Promise<void> {
    for (const docId of docIds) {
      const session = this.sessions.get(docId);
      if (session === undefined) continue;
      const fresh = await this.api['document:get']({ docId });
      if (fresh.ok) session.reset(fresh.value);
    }
  }

  async handleEvent(event: WorkbenchEvent): Promise<void> {
    if (event.kind === 'documents-reloaded') return this.reload(event.docIds);
    if (event.kind === 'documents-removed') return this.forget(event.docIds);
    if (event.kind !== 'annotations-changed') return;
    const session = this.sessions.get(event.docId);
    if (session === undefined || session.applyRemote(event) === 'applied') return;
    const fresh = await this.api['document:get']({ docId: event.docId });
    if (fresh.ok) session.reset(fresh.value);
  }

  private touch(docId: DocId, session: DocumentSession): void {
    this.sessions.delete(docId);
    this.sessions.set(docId, session);
    for (const [id, old] of this.sessions) {
      if (this.sessions.size <= MAX_SESSIONS) break;
      if (old !== session) this.sessions.delete(id);
    }
  }
}
