// Import reports and error notices (src/renderer/components): what was imported, what was a duplicate and
// what was refused, with the reason and line number, until the analyst dismisses it.
import type { Notice } from '../stores/workspace-store';

export function NoticeBanner(props: {
  notice: Notice;
  onDismiss: () => void;
  onUndoDelete?: (docId: string) => void;
}) {
  const { notice, onDismiss } = props;
  const isError = notice.kind === 'error' || (notice.kind === 'import' && notice.report.rejected.length > 0);
  return (
    <div className={`notice ${isError ? 'notice-error' : 'notice-info'}`} role={isError ? 'alert' : 'status'}>
      {notice.kind === 'error' ? (
        <p>{notice.message}</p>
      ) : notice.kind === 'deleted' ? (
        <p>
          Moved “{notice.trashed.title}” to the trash.{' '}
          <button
            type="button"
            aria-label={`Undo: restore “${notice.trashed.title}”`}
            onClick={() => props.onUndoDelete?.(notice.trashed.id)}
          >
            Undo
          </button>
        </p>
      ) : (
        <div>
          <p>
            Imported {notice.report.imported.length} document{notice.report.imported.length === 1 ? '' : 's'}
            {notice.report.duplicates.length > 0 &&
              `, ${notice.report.duplicates.length} already in the workspace`}
            {notice.report.rejected.length > 0 && `, ${notice.report.rejected.length} file(s) refused`}.
            {notice.cancelled === true &&
              ' The import was cancelled: nothing of the cancelled files was written.'}
          </p>
          <ul>
            {notice.report.duplicates.map((dup) => (
              <li key={`d-${dup.file}-${dup.title}`}>
                {dup.file}: “{dup.title}” is the same text as “{dup.existingTitle}”; not imported again.
              </li>
            ))}
            {notice.report.rejected.map((bad) => (
              <li key={`r-${bad.file}`}>
                <strong>{bad.file}</strong> was not imported: {bad.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" onClick={onDismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
