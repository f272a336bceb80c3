// What jumping to a search hit does (src/renderer/actions): open its document if another one is open, wait
// for that document's editor, select the hit (so a label key tags it) and move the keyboard focus to the
// text. Shared by Enter in the result list, a click on a hit, and F3 / Shift+F3.
import type { DocId } from '@shared/model';
import type { SearchHit } from '@shared/search';
import type { DocumentEditor } from '../editor/document-editor';
import type { AppServices } from '../services/app-services';

/** The editor of document `docId` once it is mounted, or null if the analyst opened another meanwhile. */
function editorFor(services: AppServices, docId: string): Promise<DocumentEditor | null> {
  return new Promise((resolve) => {
    let done = false;
    const check = (): void => {
      if (done) return;
      const session = services.sessions.current;
      const editor = services.editor.get();
      // The editor of the document shown before may linger for a moment: its text tells them apart
      // (two documents of one workspace never share a text: imports are matched by SHA-256).
      if (session?.docId === docId && editor !== null && editor.text === session.text) finish(editor);
      else if (services.sessions.openId !== docId) finish(null);
    };
    const finish = (editor: DocumentEditor | null): void => {
      done = true;
      stopEditor();
      stopPhase();
      resolve(editor);
    };
    const stopEditor = services.editor.subscribe(check);
    const stopPhase = services.sessions.phase.subscribe(check);
    check();
  });
}

export async function revealHit(services: AppServices, hit: SearchHit): Promise<boolean> {
  if (services.sessions.openId !== hit.docId) void services.sessions.open(hit.docId as DocId);
  const editor = await editorFor(services, hit.docId);
  if (editor === null) return false;
  editor.revealRange({ start: hit.start, end: hit.end });
  editor.focus();
  const { hits, active } = services.search.state.get();
  services.announcer.say(`Hit ${active + 1} of ${hits.length}: ${hit.match}`);
  return true;
}
