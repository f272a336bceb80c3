// The corpus view of claims (src/renderer/components): claims per actor and month (from the documents'
// `date` metadata; undated last), and for two chosen actors the documents where both make claims, side by
// side, those with opposite stances or a denial first.
import { useMemo, useState } from 'react';
import { claimsByActor, contestedClaims, type FrameRow } from '@shared/model';

export interface CorpusClaimsProps {
  rows: readonly FrameRow[];
  speakers: readonly string[];
  onOpen: (row: FrameRow) => void;
}

export function ClaimsByActorTable({ rows, speakers }: Omit<CorpusClaimsProps, 'onOpen'>) {
  const view = useMemo(() => claimsByActor(rows, speakers), [rows, speakers]);
  return (
    <>
      <table className="claims-table" aria-label="Claims by actor">
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Claims</th>
            {view.periods.map((p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.actors.map((a) => (
            <tr key={a.actor}>
              <th scope="row">{a.actor}</th>
              <td>{a.total}</td>
              {a.counts.map((count, i) => (
                <td key={view.periods[i]}>{count || ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {view.unattributed > 0 && (
        <p className="hint">{view.unattributed} claim(s) have no actor linked yet.</p>
      )}
    </>
  );
}

export function ContestedClaims({ rows, speakers, onOpen }: CorpusClaimsProps) {
  const actors = useMemo(() => claimsByActor(rows, speakers).actors.map((a) => a.actor), [rows, speakers]);
  const [first, setFirst] = useState(actors[0] ?? '');
  const [second, setSecond] = useState(actors[1] ?? '');
  const found = useMemo(
    () => contestedClaims(rows, speakers, first, second),
    [rows, speakers, first, second],
  );
  const pick = (label: string, value: string, set: (v: string) => void) => (
    <label className="field-inline">
      {label}
      <select value={value} onChange={(event) => set(event.target.value)}>
        {actors.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </label>
  );
  const claims = (list: FrameRow[]) => (
    <ul>
      {list.map((row) => (
        <li key={row.target.id}>
          <button type="button" className="claim-open" onClick={() => onOpen(row)}>
            {row.target.quote}
          </button>{' '}
          <span className="hint">{Object.values(row.target.attributes).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="contested">
      <div className="claims-filters">
        {pick('Actor', first, setFirst)}
        {pick('and', second, setSecond)}
      </div>
      {found.length === 0 && <p className="hint">No document has claims of both.</p>}
      <table className="claims-table" aria-label="Contested claims">
        <tbody>
          {found.map((doc) => (
            <tr key={doc.docId}>
              <th scope="row">
                {doc.docTitle}
                {doc.docDate !== '' && <span className="hint"> {doc.docDate}</span>}
                {doc.opposed && <strong className="contested-mark"> contested</strong>}
              </th>
              <td>{claims(doc.first)}</td>
              <td>{claims(doc.second)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
