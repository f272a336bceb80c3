// Suggestions in the open document (src/renderer/components): each proposal with why it is made, Accept
// (tags it, undoable) and Reject (never offered again here), the same as the keys ] Y X; asking the offline
// suggester (with its progress and Cancel) and accepting all of one label; and the other documents where the
// last tagged text occurs, to open them and see its suggestions there.
import type { DocId } from '@shared/model';
import { describeRun } from '../commands/machine-suggestion-commands';
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';
import { CommandButton } from './CommandButton';
import { SuggestOnImport } from './SuggestOnImport';
import { TaskProgress } from './TaskProgress';

export function SuggestionPanel({ session }: { session: DocumentSession }) {
  const services = useServices();
  const { suggestions } = services;
  useStore(suggestions.version);
  const current = useStore(suggestions.current);
  const elsewhere = useStore(suggestions.elsewhere);
  const machineOn = useStore(services.preferences.current).suggestions;
  const lastRun = useStore(services.machineSuggestions.lastRun);
  const list = suggestions.list(session.docId);
  const editable = session.editableLayer !== null;
  const goTo = (key: string) => {
    suggestions.current.set({ docId: session.docId, key });
    services.editor.get()?.scrollToSpan(key);
  };
  return (
    <section className="suggestion-panel" aria-label="Suggestions">
      <p className="span-count">
        {list.length} suggestion{list.length === 1 ? '' : 's'} in this document
      </p>
      {machineOn && (
        <div className="suggestion-keys">
          <CommandButton id="suggestions.suggest-document" label="Suggest tags" />
          <CommandButton id="suggestions.accept-label" label="Accept all of a label…" />
        </div>
      )}
      {machineOn && <SuggestOnImport />}
      <TaskProgress kind="suggest" label="Suggesting tags" />
      {machineOn && lastRun !== null && (
        <p className="hint" role="status">
          Suggested: {describeRun(lastRun)}
        </p>
      )}
      <div className="suggestion-keys">
        <CommandButton id="suggestion.next" label="Next" />
        <CommandButton id="suggestion.accept" label="Accept" />
        <CommandButton id="suggestion.reject" label="Reject" />
      </div>
      <ul className="suggestion-list">
        {list.map((s) => (
          <li
            key={s.key}
            className="suggestion-row"
            aria-current={current?.key === s.key && current.docId === session.docId}
          >
            <button type="button" className={`link-end tw-chip-${s.label}`} onClick={() => goTo(s.key)}>
              {s.quote}
            </button>
            <span className="hint">{s.reason}</span>
            {editable && (
              <span className="suggestion-actions">
                <button
                  type="button"
                  aria-label={`Accept ${s.quote} at ${s.start}`}
                  onClick={() => suggestions.accept(session, s.key)}
                >
                  Accept
                </button>
                <button
                  type="button"
                  aria-label={`Reject ${s.quote} at ${s.start}`}
                  onClick={() => void suggestions.reject(session, s.key)}
                >
                  Reject
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {elsewhere !== null && elsewhere.documents.length > 0 && (
        <div className="suggestion-elsewhere">
          <p>
            “{elsewhere.quote}” also occurs in {elsewhere.documents.length} other document
            {elsewhere.documents.length === 1 ? '' : 's'}
            {elsewhere.truncated ? ' (and more)' : ''}:
          </p>
          <ul>
            {elsewhere.documents.map((d) => (
              <li key={d.docId}>
                <button type="button" onClick={() => void services.sessions.open(d.docId as DocId)}>
                  {d.title} ({d.count})
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
