// Benchmark 3a, incremental vs rebuild in the editor's annotation plugin (bench/, Node, no browser): the
// renderer's real plugin and schema over the 1 MB article with 2,000 spans, applying one `add` or `remove`
// message against the baseline of a full `sync` (DecorationSet.create over every span).
import { EditorState } from 'prosemirror-state';
import { performance } from 'node:perf_hooks';
import { ParagraphOffsets } from '@shared/text';
import {
  annotationKey,
  annotationPlugin,
  type AnnotationMeta,
} from '../src/renderer/src/editor/annotation-plugin';
import { documentFromText } from '../src/renderer/src/editor/schema';
import { BIG_DOC, bigArticle, tagTargets } from './lib/corpus';
import { row, type SuiteResult } from './lib/report';
import { sampleSync } from './lib/stats';

const SYNC_RUNS = 12;
const EDIT_RUNS = 60;

const key = annotationKey('bench');

function send(state: EditorState, meta: AnnotationMeta): EditorState {
  return state.apply(state.tr.setMeta(key, meta));
}

export function runEditorBench(): SuiteResult {
  const { text, spans } = bigArticle();
  const targets = tagTargets(text, spans, EDIT_RUNS + 5);
  const start = performance.now();
  const offsets = new ParagraphOffsets(text);
  const empty = EditorState.create({
    doc: documentFromText(offsets),
    plugins: [
      annotationPlugin({
        key,
        text,
        offsets,
        look: { side: 'below', band: 0, className: 'tw-layer-mine' },
        describe: (label) => label,
      }),
    ],
  });
  const buildMs = performance.now() - start;
  const sync: AnnotationMeta = { kind: 'sync', spans, focusedId: null };
  const rebuild = sampleSync(SYNC_RUNS, 2, () => send(empty, sync));
  const synced = send(empty, sync);
  const drawn = key.getState(synced)!.decorations.find().length;
  if (drawn === 0) throw new Error(`sync drew no decorations for ${BIG_DOC.spans} spans`);
  const add = sampleSync(EDIT_RUNS, 5, (i) => {
    const { start: from, end } = targets[i]!;
    send(synced, { kind: 'add', spans: [{ id: `n${i}`, label: 'claim', start: from, end }] });
  });
  const remove = sampleSync(EDIT_RUNS, 5, (i) => {
    send(synced, { kind: 'remove', ids: [spans[(i * 31) % spans.length]!.id] });
  });
  return {
    rows: [
      row('editor', `plugin add 1 span, 1 MB / ${BIG_DOC.spans} spans`, 'ms', add, rebuild, 'full sync'),
      row(
        'editor',
        `plugin remove 1 span, 1 MB / ${BIG_DOC.spans} spans`,
        'ms',
        remove,
        rebuild,
        'full sync',
      ),
    ],
    notes: {
      'editor: build EditorState for the 1 MB text (Node)': `${buildMs.toFixed(0)} ms`,
      'editor: decorations drawn by sync': drawn,
    },
  };
}
