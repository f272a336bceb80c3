// Golden outputs of every export format (shared layer, tests only): a small fixed corpus of tricky Unicode
// documents (seeded, so every run renders the same bundles) rendered through renderExport, each format's
// files compared byte for byte with golden/<format>.txt. Optimising a codec must leave these files unchanged;
// zip archives are compared by their entries, since fflate stamps each entry with the time of zipping.
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annotationFormats, type ExportBundle } from './bundle';
import { renderExport } from './render-export';
import { bundleArbitrary } from './test-support/bundles';

/** Four bundles of one to three documents; the seed fixes the corpus. */
const corpus: ExportBundle[] = fc.sample(bundleArbitrary(3), { seed: 20261127, numRuns: 4 });

/** Every file of one format's exports of the corpus, in order, as one text to compare. */
function renderedText(format: (typeof annotationFormats)[number]): string {
  const parts: string[] = [];
  corpus.forEach((bundle, n) => {
    const rendered = renderExport(bundle, format);
    const entries = rendered.multiFile
      ? Object.entries(unzipSync(rendered.bytes)).map(([path, bytes]) => ({
          path,
          content: strFromU8(bytes),
        }))
      : [{ path: rendered.fileName, content: strFromU8(rendered.bytes) }];
    parts.push(`##### bundle ${n}: ${rendered.fileName} (${rendered.mimeType})`);
    parts.push(`##### warnings: ${JSON.stringify(rendered.warnings)}`);
    for (const entry of entries) parts.push(`##### file ${entry.path}`, entry.content);
  });
  return parts.join('\n');
}

describe('export golden files', () => {
  it('renders a corpus with spans in every bundle (the golden files are not empty of annotations)', () => {
    const spans = corpus.flatMap((b) => b.documents.flatMap((d) => Object.values(d.layers)));
    expect(spans.reduce((n, layer) => n + layer.spans.length, 0)).toBeGreaterThan(10);
  });

  for (const format of annotationFormats) {
    it(`writes the ${format} export of the fixed corpus byte for byte as its golden file`, async () => {
      await expect(renderedText(format)).toMatchFileSnapshot(`./golden/${format}.txt`);
    });
  }
});
