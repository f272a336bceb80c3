// Reading spans.csv back (shared layer, pure; for tests and previews, CSV is not an import format): rows are
// grouped by document and layer, the formula escape is undone, and offsets stay code points (no text).
import Papa from 'papaparse';
import type { InputFile, ParsedDocument, ParseOutcome } from './bundle';
import { LayerCollector } from './layer-collector';
import { FileProblem, emptyPackage, parseGuarded } from './parse-support';

const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;
const unescapeCell = (cell: string) => (ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell);

export function readCsvSpans(files: readonly InputFile[]): ParseOutcome {
  return parseGuarded(() => {
    const pkg = emptyPackage('csv');
    for (const file of files) {
      if (!file.name.endsWith('spans.csv')) continue;
      const result = Papa.parse<Record<string, string>>(file.text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      const error = result.errors[0];
      if (error !== undefined)
        throw new FileProblem(file.name, `row ${(error.row ?? 0) + 1}: ${error.message}`);
      const documents = new Map<string, { doc: ParsedDocument; layers: LayerCollector }>();
      result.data.forEach((raw, i) => {
        const row = new Map(Object.entries(raw).map(([k, v]) => [k, unescapeCell(v)]));
        const cell = (name: string) => row.get(name) ?? '';
        const [start, end] = [Number(cell('start_cp')), Number(cell('end_cp'))];
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
          throw new FileProblem(
            file.name,
            `row ${i + 1}: start_cp "${cell('start_cp')}" and end_cp "${cell('end_cp')}" are not a range`,
          );
        }
        let entry = documents.get(cell('document_id'));
        if (entry === undefined) {
          const doc: ParsedDocument = {
            source: { file: file.name },
            id: cell('document_id'),
            title: cell('document_title'),
            offsetUnit: 'code-points',
            layers: [],
          };
          documents.set(cell('document_id'), (entry = { doc, layers: new LayerCollector() }));
        }
        const attributes = Object.create(null) as Record<string, string>;
        for (const [name, value] of row)
          if (name.startsWith('attr:') && value !== '') attributes[name.slice(5)] = value;
        entry.layers.layer(cell('layer')).spans.push({
          id: cell('span_id'),
          label: cell('label'),
          start,
          end,
          quote: cell('quote'),
          attributes,
          note: cell('note'),
        });
      });
      for (const { doc, layers } of documents.values()) pkg.documents.push({ ...doc, layers: layers.list() });
    }
    return pkg;
  });
}
