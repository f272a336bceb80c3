// Puts the payloads into a workspace before the host starts (bench/reliability, Node only): document texts,
// JSONL titles and metadata, file names, label names, guidelines and attributes, colleagues' names, their
// layers' notes, review comments (no screen shows them yet; they go straight into the document file), a
// damaged document whose JSON error quotes a payload, and a colleague's annotated file for the import dialog.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport } from '@shared/api';
import type { AnnotatorId, CommentId, DocId, DocumentRecord, LayerId, Span, SpanId } from '@shared/model';
import { must, openApp } from '../lib/app';
import { fit, type Payload } from './payloads';

const PER_TEXT = 10;
const NOW = '2026-01-01T00:00:00.000Z';

export interface Planted {
  /** The documents whose text carries payloads, with colleagues' layers and comments on the first. */
  textDocIds: string[];
  colleagues: { id: string; name: string }[];
  /** A colleague's doccano file whose titles, labels, relation types and notes are payloads, to import. */
  annotatedFile: { name: string; bytes: Buffer };
}

/**
 * doccano lines as a colleague could send them: payloads as titles, label names, relation types and notes, so
 * the import preview shows them as titles, schema additions and warnings. The file is named after a payload.
 */
export function hostileAnnotatedFile(list: readonly Payload[]): { name: string; bytes: Buffer } {
  const lines = list.slice(0, 30).map((p) => {
    const text = `Imported record ${p.n} about the talks.`;
    const entity = (id: number, start: number, end: number) => ({
      id,
      label: fit(p, 40),
      start_offset: start,
      end_offset: end,
      note: p.text,
    });
    return JSON.stringify({
      text,
      title: p.text,
      entities: [entity(1, 0, 8), entity(2, 9, 15)],
      relations: [{ id: 1, from_id: 1, to_id: 2, type: fit(p, 40) }],
    });
  });
  const named = list.find((p) => !p.text.includes('/'));
  return { name: `${named?.text ?? 'colleague'}.jsonl`, bytes: Buffer.from(lines.join('\n')) };
}

const base64 = (text: string): string => Buffer.from(text).toString('base64');

function spanOver(text: string, at: number, length: number, id: string, author: string, note: string): Span {
  const end = Math.min(text.length, at + length);
  return {
    id: id as SpanId,
    label: 'claim',
    start: at,
    end,
    quote: text.slice(at, end),
    prefix: text.slice(Math.max(0, at - 32), at),
    suffix: text.slice(end, end + 32),
    attributes: {},
    note,
    createdBy: author as AnnotatorId,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

/** Every payload appears in some text, title, meta key and value, note and comment; the short fields take a share. */
export async function plantPayloads(
  dir: string,
  list: readonly Payload[],
  fileNames: number,
): Promise<Planted> {
  const wb = await openApp(dir, { withSample: true });
  try {
    const texts: string[] = [];
    for (let i = 0; i < list.length; i += PER_TEXT)
      texts.push(
        list
          .slice(i, i + PER_TEXT)
          .map((p) => `Paragraph ${p.n}: ${p.text}`)
          .join('\n'),
      );
    const textFiles = texts.map((text, i) => ({ name: `payload-text-${i}.txt`, dataBase64: base64(text) }));
    const jsonl = list
      .map((p) =>
        JSON.stringify({
          text: `Record ${p.n}: ${p.text}`,
          title: p.text,
          meta: { [fit(p, 200)]: p.text, source: p.text },
        }),
      )
      .join('\n');
    const named = list.filter((p) => !p.text.includes('/')).slice(0, fileNames);
    const nameFiles = named.map((p) => ({
      name: `${p.text}.txt`,
      dataBase64: base64(`A file named after payload ${p.n}.`),
    }));
    const report = (await must(wb, 'documents:import', {
      files: [...textFiles, { name: 'titles.jsonl', dataBase64: base64(jsonl) }, ...nameFiles],
    })) as ImportReport;
    if (report.rejected.length > 0)
      throw new Error(`planting was refused: ${JSON.stringify(report.rejected).slice(0, 300)}`);
    const textDocIds = report.imported.slice(0, texts.length).map((s) => s.id as string);
    const colleagues = list.slice(0, 12).map((p, i) => ({ id: `colleague-${i}`, name: fit(p, 80) }));
    await wb.store.updateWorkspace((ws) => {
      ws.labelSchema.labels.forEach((label, i) => {
        const p = list[(i * 7) % list.length] as Payload;
        label.name = fit(p, 80);
        label.guideline = p.text;
        label.attributes = [
          { id: `attr${i}`, name: fit(p, 80), values: list.slice(i, i + 5).map((q) => fit(q, 80)) },
        ];
        // The actor label keeps its canonical-name attribute, so the actors list names planted actors.
        if (label.id === 'actor') label.attributes.push({ id: 'actor', name: fit(p, 80), values: [] });
      });
      ws.labelSchema.relationTypes.forEach((type, i) => (type.name = fit(list[i] as Payload, 80)));
      ws.annotators.push(...colleagues.map((c) => ({ id: c.id as AnnotatorId, name: c.name })));
    });
    const first = textDocIds[0] as DocId;
    await wb.store.updateDocument(first, (draft: DocumentRecord) => {
      colleagues.forEach((c, i) => {
        const at = (i * 37) % Math.max(1, draft.text.length - 20);
        draft.layers[c.id as LayerId] = {
          spans: [spanOver(draft.text, at, 12, `cs${i}`, c.id, (list[i] as Payload).text)],
          relations: [],
        };
      });
      draft.comments = list.map((p, i) => ({
        id: `comment-${i}` as CommentId,
        target: {
          layer: colleagues[i % colleagues.length]?.id as LayerId,
          kind: 'span' as const,
          id: `cs${i % colleagues.length}`,
        },
        author: colleagues[0]?.id as AnnotatorId,
        at: NOW,
        text: p.text,
      }));
    });
    return { textDocIds, colleagues, annotatedFile: hostileAnnotatedFile(list) };
  } finally {
    await wb.close();
    // A damaged document whose JSON error quotes the payload: the problems banner shows the reason.
    await writeFile(
      join(dir, 'documents', 'damaged-payload.json'),
      `${list[0]?.text ?? '<img src=x onerror=__pwned=0>'} {`,
    );
  }
}
