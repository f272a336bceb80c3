// Benchmark 3a, incremental vs rebuild in the editor's annotation plugin (bench/, Node, no browser): the
// renderer's real plugin and schema at every document scale, applying one `add` or `remove` message against
// the baseline of a full `sync` (every span drawn afresh), which is what opening the document does.
import { EditorState } from 'prosemirror-state';
import { performance } from 'node:perf_hooks';
import { ParagraphOffsets } from '@shared/text';
import {
  annotationKey,
  annotationPlugin,
  type AnnotationMeta,
} from '../src/renderer/src/editor/annotation-plugin';
import { documentFromText } from '../src/renderer/src/editor/schema';
import { row, type Notes, type Row, type SuiteResult } from './lib/report';
import { scalesToRun, taggedArticle, tagTargets, type Scale } from './lib/scales';
import { sampleSync } from './lib/stats';

const key = annotationKey('bench');

function send(state: EditorState, meta: AnnotationMeta): EditorState {
  return state.apply(state.tr.setMeta(key, meta));
}

function atScale(scale: Scale, quick: boolean, notes: Notes): Row[] {
  const { text, spans } = taggedArticle(scale);
  const syncRuns = quick ? 2 : scale.spans >= 10_000 ? 5 : 12;
  const editRuns = quick ? 10 : 60;
  const targets = tagTargets(text, spans, editRuns + 5);
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
  notes[`editor: build EditorState, ${scale.name}`] = `${(performance.now() - start).toFixed(0)} ms`;
  const sync: AnnotationMeta = { kind: 'sync', spans, focusedId: null };
  const rebuild = sampleSync(syncRuns, 1, () => send(empty, sync));
  const synced = send(empty, sync);
  const drawn = key.getState(synced)!.decorations.find().length;
  if (drawn === 0) throw new Error(`sync drew no decorations for ${scale.name}`);
  notes[`editor: decorations drawn by sync, ${scale.name}`] = drawn;
  const add = sampleSync(editRuns, 5, (i) => {
    const { start: from, end } = targets[i]!;
    send(synced, { kind: 'add', spans: [{ id: `n${i}`, label: 'claim', start: from, end }] });
  });
  const remove = sampleSync(editRuns, 5, (i) => {
    send(synced, { kind: 'remove', ids: [spans[(i * 31) % spans.length]!.id] });
  });
  return [
    row('editor', `plugin add 1 span, ${scale.name}`, 'ms', add, rebuild, 'full sync'),
    row('editor', `plugin remove 1 span, ${scale.name}`, 'ms', remove, rebuild, 'full sync'),
  ];
}

export function runEditorBench(quick: boolean): SuiteResult {
  const notes: Notes = {};
  const rows = scalesToRun(quick).flatMap((scale) => atScale(scale, quick, notes));
  return { rows, notes };
}
