// Damaged workspace files (src/renderer/components): which file, why, where the untouched copy went, and
// the newest backup to recover from. Shown until the files are repaired.
import type { StoreProblem } from '@shared/api';

export function ProblemsBanner({ problems }: { problems: readonly StoreProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <div>
        <p>
          {problems.length} workspace file{problems.length === 1 ? '' : 's'} could not be loaded. Nothing was
          overwritten; a byte-identical copy is in quarantine.
        </p>
        <ul>
          {problems.map((problem) => (
            <li key={problem.file}>
              <strong>{problem.file}</strong>: {problem.reason}. Copy: {problem.quarantinedAs}.{' '}
              {problem.lastBackup !== null
                ? `Last good backup: ${problem.lastBackup}.`
                : 'No backup exists yet.'}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Ids of documents whose file is damaged, from the problems' file names (documents/<id>.json). */
export function damagedDocumentIds(problems: readonly StoreProblem[]): ReadonlySet<string> {
  return new Set(
    problems.map((p) => /^documents\/([^/]+)\.json$/.exec(p.file)?.[1]).filter((id) => id !== undefined),
  );
}
