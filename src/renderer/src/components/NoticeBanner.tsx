// Import reports and error notices (src/renderer/components): what was imported, what was a duplicate and
// what was refused, with the reason and line number, until the analyst dismisses it.
import type { Notice } from '../stores/workspace-store';

export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const isError = notice.kind === 'error' || notice.report.rejected.length > 0;
  return (
    <div className={`notice ${isError ? 'notice-error' : 'notice-info'}`} role={isError ? 'alert' : 'status'}>
      {notice.kind === 'error' ? (
        <p>{notice.message}</p>
      ) : (
        <div>
          <p>
            Imported {notice.report.imported.length} document{notice.report.imported.length === 1 ? '' : 's'}
            {notice.report.duplicates.length > 0 &&
              `, ${notice.report.duplicates.length} already in the workspace`}
            {notice.report.rejected.length > 0 && `, ${notice.report.rejected.length} file(s) refused`}.
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
