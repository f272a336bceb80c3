// Agreement figures (src/renderer/components): the same report the CLI prints, for the chosen layers — span
// F1 (exact and overlap), Cohen's κ, Krippendorff's α and α_U per label and overall, relation F1, and across
// all layers Fleiss' κ — over the corpus or one document. Every figure is a button that lists the disagreements
// behind it; a disagreement opens the text there. The report can be downloaded as JSON.
import { useEffect, useState } from 'react';
import type {
  AgreementMetric,
  AgreementReport,
  Disagreement,
  MultiFigures,
  PairFigures,
  PRF,
} from '@shared/agreement';
import type { WorkspaceView } from '@shared/api';
import type { DocId } from '@shared/model';
import { offerTextDownload } from '../actions/download';
import { useServices } from '../hooks/use-services';
import { Modal } from './Modal';
import { TaskProgress } from './TaskProgress';

const num = (value: number | null) => (value === null ? '–' : value.toFixed(2));

interface Address {
  metric: AgreementMetric;
  label?: string;
  documentId?: string;
}

export function AgreementDialog({
  view,
  layers,
  onClose,
}: {
  view: WorkspaceView;
  layers: string[];
  onClose: () => void;
}) {
  const services = useServices();
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<string>('corpus');
  const [behind, setBehind] = useState<{ title: string; items: Disagreement[] } | null>(null);
  useEffect(() => {
    void services.tasks
      .run('agreement', (taskId) => services.review.agreement(layers, taskId))
      .then((outcome) => (outcome.ok ? setReport(outcome.value) : setError(outcome.error.message)));
  }, [services, layers]);
  const titles = new Map(view.documents.map((d) => [d.id as string, d.title]));
  const pair = report?.pairs[0];
  const pairScope = pair === undefined ? undefined : scope === 'corpus' ? pair.corpus : pair.documents[scope];
  const multi =
    report === null ? undefined : scope === 'corpus' ? report.all.corpus : report.all.documents[scope];
  const documentId = scope === 'corpus' ? undefined : scope;

  const open = async (title: string, address: Address, pairwise: boolean) => {
    const outcome = await services.review.disagreements({
      ...address,
      ...(documentId === undefined ? {} : { documentId }),
      layers: pairwise ? layers.slice(0, 2) : layers,
    });
    setBehind(outcome.ok ? { title, items: outcome.value } : { title, items: [] });
    if (!outcome.ok) setError(outcome.error.message);
  };
  const cell = (value: string, title: string, address: Address, pairwise = true) => (
    <td>
      <button
        type="button"
        className="figure"
        aria-label={`${title}: ${value}. Show the disagreements behind it`}
        onClick={() => void open(title, address, pairwise)}
      >
        {value}
      </button>
    </td>
  );
  const pairRow = (name: string, figures: PairFigures, label?: string) => {
    const at = (metric: AgreementMetric): Address => (label === undefined ? { metric } : { metric, label });
    const f1 = (prf: PRF) => num(prf.f1);
    return (
      <tr key={name}>
        <th scope="row">{name}</th>
        {cell(f1(figures.spanExact), `${name}, exact F1`, at('spanExact'))}
        {cell(f1(figures.spanOverlap), `${name}, overlap F1`, at('spanOverlap'))}
        {cell(num(figures.cohenKappa), `${name}, Cohen's κ`, at('cohenKappa'))}
        {cell(num(figures.krippendorffAlpha), `${name}, Krippendorff's α`, at('krippendorffAlpha'))}
        {cell(num(figures.unitizedAlpha), `${name}, α_U`, at('unitizedAlpha'))}
      </tr>
    );
  };
  const multiRow = (name: string, figures: MultiFigures, label?: string) => {
    const at = (metric: AgreementMetric): Address => (label === undefined ? { metric } : { metric, label });
    return (
      <tr key={name}>
        <th scope="row">{name}</th>
        {cell(num(figures.fleissKappa), `${name}, Fleiss' κ`, at('fleissKappa'), false)}
        {cell(
          num(figures.krippendorffAlpha),
          `${name}, Krippendorff's α, all layers`,
          at('krippendorffAlpha'),
          false,
        )}
        {cell(num(figures.unitizedAlpha), `${name}, α_U, all layers`, at('unitizedAlpha'), false)}
      </tr>
    );
  };
  const goTo = (item: Disagreement) => {
    void services.sessions.open(item.documentId as DocId);
    onClose();
  };

  return (
    <Modal title="Agreement figures" onClose={onClose}>
      <div className="modal-body agreement-dialog">
        {error !== null && <p role="alert">{error}</p>}
        {report === null && error === null && (
          <>
            <p>Computing…</p>
            <TaskProgress kind="agreement" label="Agreement" />
          </>
        )}
        {report !== null && pairScope !== undefined && (
          <>
            <label className="field-inline">
              Over
              <select value={scope} onChange={(event) => (setScope(event.target.value), setBehind(null))}>
                <option value="corpus">the corpus ({report.documents.length} documents)</option>
                {report.documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
            <table className="figures">
              <caption>
                {layers[0]} (reference) and {layers[1]}: click a figure for the disagreements behind it
              </caption>
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">Exact F1</th>
                  <th scope="col">Overlap F1</th>
                  <th scope="col">Cohen κ</th>
                  <th scope="col">Krippendorff α</th>
                  <th scope="col">α_U</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(pairScope.perLabel).map(([label, figures]) => pairRow(label, figures, label))}
                {pairRow('All labels', pairScope.overall)}
                <tr>
                  <th scope="row">Relations (type and both ends)</th>
                  {cell(num(pairScope.relations.overall.f1), 'Relations, F1', { metric: 'relations' })}
                </tr>
              </tbody>
            </table>
            {report.layers.length > 2 && multi !== undefined && (
              <table className="figures">
                <caption>Across all layers ({report.layers.join(', ')})</caption>
                <thead>
                  <tr>
                    <th scope="col">Label</th>
                    <th scope="col">Fleiss κ</th>
                    <th scope="col">Krippendorff α</th>
                    <th scope="col">α_U</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(multi.perLabel).map(([label, figures]) => multiRow(label, figures, label))}
                  {multiRow('All labels', multi.overall)}
                </tbody>
              </table>
            )}
            <button
              type="button"
              onClick={() =>
                offerTextDownload('agreement.json', 'application/json', JSON.stringify(report, null, 2))
              }
            >
              Download the figures (JSON)
            </button>
          </>
        )}
        {behind !== null && (
          <section aria-label="Disagreements behind the figure">
            <h3>
              {behind.title}: {behind.items.length} disagreement{behind.items.length === 1 ? '' : 's'}
            </h3>
            <ul className="disagreements">
              {behind.items.slice(0, 500).map((item, i) => (
                <li key={i}>
                  <button type="button" onClick={() => goTo(item)}>
                    {titles.get(item.documentId) ?? item.documentId}: {describe(item)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </footer>
    </Modal>
  );
}

function describe(item: Disagreement): string {
  if (item.kind === 'span')
    return `${item.span.label} at ${item.span.start}–${item.span.end} in ${item.layer}, missing from ${item.missingFrom}`;
  if (item.kind === 'relation')
    return `${item.relation.type} in ${item.layer}, missing from ${item.missingFrom}`;
  return `${item.label} at ${item.start}–${item.end}: tagged by ${item.taggedBy.join(', ')}, not by ${item.untaggedBy.join(', ')}`;
}
