// The forced-kill campaign's control (bench/reliability, a child process run with tsx): the simplest saver there
// is, a plain `writeFile` over the document file after each new span (truncate, then write, no temp file, no
// fsync), printing `ack <spanId>` once the write resolved. The campaign must catch it losing acknowledged spans
// when it is killed; if it cannot, the campaign is blind and the run fails.
import { readFile, writeFile } from 'node:fs/promises';

/** Only what this writer touches; the rest of the file is written back as it was read. */
interface NaiveDocument {
  text: string;
  revision: number;
  layers: Record<string, { spans: Record<string, unknown>[]; relations: unknown[] }>;
}

const [file, layer] = process.argv.slice(2);
if (file === undefined || layer === undefined) {
  process.stderr.write('usage: naive-writer.ts <document file> <layer>\n');
  process.exit(2);
}
const doc = JSON.parse(await readFile(file, 'utf8')) as NaiveDocument;
const words = [...doc.text.matchAll(/\S+/g)];
const spans = (doc.layers[layer] ??= { spans: [], relations: [] }).spans;
for (let n = 0; ; n++) {
  const word = words[(n * 7919) % words.length];
  if (word === undefined) throw new Error('the document has no words');
  const now = new Date().toISOString();
  const id = `n${process.pid}-${n}`;
  const [start, quote] = [word.index, word[0]];
  spans.push({
    id,
    label: 'claim',
    start,
    end: start + quote.length,
    quote,
    prefix: '',
    suffix: '',
    attributes: {},
    note: '',
    createdBy: layer,
    createdAt: now,
    updatedAt: now,
  });
  doc.revision += 1;
  await writeFile(file, JSON.stringify(doc));
  process.stdout.write(`ack ${id}\n`);
}
