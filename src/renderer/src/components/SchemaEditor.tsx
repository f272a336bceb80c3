// The schema editor (src/renderer/components): labels, attributes and relation types of the workspace. Main
// checks the draft against the documents first: the preview names what is renamed (migrated in every
// document) and what would be removed (spans of a deleted label, their links, values no longer allowed);
// removals must be confirmed by their count, so nothing is ever lost without the analyst's say.
import { useMemo, useState } from 'react';
import type { SchemaPreview, WorkspaceView } from '@shared/api';
import { describeImpact } from '@shared/model';
import { parseChord } from '../commands/keys';
import { useServices } from '../hooks/use-services';
import { changeOf, draftOf, hotkeyClashes, newLabel, type SchemaDraft } from '../stores/schema-draft';
import { Modal } from './Modal';
import { SchemaLabelFields } from './SchemaLabelFields';
import { SchemaRelationFields } from './SchemaRelationFields';

export function SchemaEditor({ view, onClose }: { view: WorkspaceView; onClose: () => void }) {
  const services = useServices();
  const [draft, setDraftState] = useState<SchemaDraft>(() => draftOf(view.labelSchema));
  const [preview, setPreview] = useState<SchemaPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counts = useMemo(() => spanCounts(view), [view]);
  const clashes = hotkeyClashes(draft, commandKeys(services.commands.list()));
  const setDraft = (next: SchemaDraft) => {
    setDraftState(next);
    setPreview(null);
    setConfirmed(false);
  };

  const check = async () => {
    setBusy(true);
    setError(null);
    const result = await services.schema.preview(changeOf(draft));
    setBusy(false);
    if (typeof result === 'string') return setError(result);
    setPreview(result);
  };
  const apply = async () => {
    if (preview === null) return;
    setBusy(true);
    const change = { ...changeOf(draft), ...(preview.losses > 0 ? { confirmLosses: preview.losses } : {}) };
    const problem = await services.schema.apply(change);
    setBusy(false);
    if (problem !== null) return setError(problem);
    services.announcer.say('The schema was changed.');
    onClose();
  };
  const canApply =
    preview !== null &&
    preview.problems.length === 0 &&
    clashes.length === 0 &&
    (preview.losses === 0 || confirmed);

  return (
    <Modal title="Schema" onClose={onClose} busy={busy}>
      <div className="modal-body schema-editor">
        <h3>Labels</h3>
        {draft.labels.map((label, i) => (
          <SchemaLabelFields
            key={label.key}
            label={label}
            spanCount={counts.get(label.originalId ?? '') ?? 0}
            onChange={(next) =>
              setDraft({ ...draft, labels: draft.labels.map((l, k) => (k === i ? next : l)) })
            }
            onDelete={() => setDraft({ ...draft, labels: draft.labels.filter((_, k) => k !== i) })}
          />
        ))}
        <button
          type="button"
          onClick={() => setDraft({ ...draft, labels: [...draft.labels, newLabel(draft)] })}
        >
          Add label
        </button>
        <h3>Relation types</h3>
        {draft.relationTypes.map((type, i) => (
          <SchemaRelationFields
            key={i}
            type={type}
            labels={draft.labels}
            onChange={(next) =>
              setDraft({ ...draft, relationTypes: draft.relationTypes.map((t, k) => (k === i ? next : t)) })
            }
            onDelete={() =>
              setDraft({ ...draft, relationTypes: draft.relationTypes.filter((_, k) => k !== i) })
            }
          />
        ))}
        <button
          type="button"
          onClick={() =>
            setDraft({
              ...draft,
              relationTypes: [
                ...draft.relationTypes,
                {
                  originalId: null,
                  id: `relation-${draft.relationTypes.length + 1}`,
                  name: 'relation',
                  from: [],
                  to: [],
                },
              ],
            })
          }
        >
          Add relation type
        </button>
        <section className="schema-preview" aria-label="What the change does" aria-live="polite">
          {[...clashes, ...(preview?.problems ?? [])].map((problem) => (
            <p key={problem} role="alert">
              {problem}
            </p>
          ))}
          {error !== null && <p role="alert">{error}</p>}
          {preview !== null && <p>{describeImpact(preview.impact)}</p>}
          {preview !== null && preview.losses > 0 && (
            <label className="filter-toggle">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              Remove these {preview.losses} records
            </label>
          )}
        </section>
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" onClick={() => void check()} disabled={busy}>
          Check the change
        </button>
        <button type="button" className="primary" onClick={() => void apply()} disabled={busy || !canApply}>
          Apply
        </button>
      </footer>
    </Modal>
  );
}

/** Spans per label over every document and layer, from the document list's counts. */
function spanCounts(view: WorkspaceView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of view.documents)
    for (const layer of Object.values(doc.spanCounts))
      for (const [label, n] of Object.entries(layer)) counts.set(label, (counts.get(label) ?? 0) + n);
  return counts;
}

/** Single keys (no modifier) commands use, other than the label keys themselves. */
function commandKeys(commands: readonly { id: string; title: string; keys: readonly string[] }[]) {
  const keys = new Map<string, string>();
  for (const command of commands) {
    if (command.id.startsWith('tag.') || command.id.startsWith('tag-exact.')) continue;
    for (const key of command.keys) {
      const chord = parseChord(key);
      if (!chord.mod && !chord.alt && !chord.shift && chord.key.length === 1)
        keys.set(chord.key, command.title);
    }
  }
  return keys;
}
