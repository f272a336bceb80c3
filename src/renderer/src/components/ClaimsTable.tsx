// The claims table's rows (src/renderer/components): one row per claim frame — document, the actors who say
// it, the claim, its conditions (a column per other relation type) and attributes. A row's claim is a
// button that opens the text at that claim.
import { endsOf, speakersOf, type FrameRow, type LabelSchema } from '@shared/model';

export interface ClaimsTableProps {
  rows: readonly FrameRow[];
  schema: LabelSchema;
  speakers: readonly string[];
  showDocument: boolean;
  onOpen: (row: FrameRow) => void;
}

/** At most this many rows are drawn; the filters narrow the rest (the CSV always holds every row). */
export const MAX_TABLE_ROWS = 500;

export function ClaimsTable({ rows, schema, speakers, showDocument, onOpen }: ClaimsTableProps) {
  const others = schema.relationTypes.filter((t) => !speakers.includes(t.id));
  const speakerNames = schema.relationTypes.filter((t) => speakers.includes(t.id)).map((t) => t.name);
  return (
    <table className="claims-table" aria-label="Claims">
      <thead>
        <tr>
          {showDocument && <th scope="col">Document</th>}
          <th scope="col">Actor ({speakerNames.join('/') || 'says'})</th>
          <th scope="col">Claim</th>
          {others.map((t) => (
            <th key={t.id} scope="col">
              {t.name.charAt(0).toUpperCase() + t.name.slice(1)}
            </th>
          ))}
          <th scope="col">Attributes</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, MAX_TABLE_ROWS).map((row) => (
          <tr key={`${row.docId} ${row.layer} ${row.target.id}`}>
            {showDocument && <td>{row.docTitle}</td>}
            <td>{speakersOf(row, speakers).join(', ') || '—'}</td>
            <td>
              <button
                type="button"
                className="claim-open"
                onClick={() => onOpen(row)}
                title="Open the text at this claim"
              >
                {row.target.quote}
              </button>
            </td>
            {others.map((t) => (
              <td key={t.id}>
                {endsOf(row, t.id)
                  .map((e) => e.name)
                  .join(' | ') || '—'}
              </td>
            ))}
            <td>{Object.values(row.target.attributes).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
