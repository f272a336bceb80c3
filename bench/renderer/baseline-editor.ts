// The bare ProseMirror baseline of the renderer benchmark (bench/, browser side; bundled by baseline-page.ts):
// the same document shape as Tagwright (one paragraph per line), every span as one inline decoration in one
// DecorationSet, and the smallest tag and undo (hotkey 1 decorates the DOM selection, Ctrl+Z removes the last
// decoration), each one transaction. No React, no store, no windowing: what ProseMirror alone costs.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';

interface BaselineSpan {
  id: string;
  label: string;
  start: number;
  end: number;
}

type Change = { add: Decoration } | { remove: string };

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph*' },
    paragraph: { content: 'text*', toDOM: () => ['p', { dir: 'auto' }, 0] },
    text: {},
  },
});

const key = new PluginKey<DecorationSet>('baseline');

/** ProseMirror position of a text offset: one paragraph per line, so +1 per line break before it, +1. */
function positions(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset + 1 + lo;
  };
}

function decoration(from: number, to: number, id: string, label: string): Decoration {
  return Decoration.inline(from, to, { class: `bl-${label}`, 'data-span-ids': id }, { id });
}

function decorations(doc: PMNode, text: string, spans: readonly BaselineSpan[]): DecorationSet {
  const pos = positions(text);
  return DecorationSet.create(
    doc,
    spans.map((s) => decoration(pos(s.start), pos(s.end), s.id, s.label)),
  );
}

function plugin(initial: (doc: PMNode) => DecorationSet): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => initial(state.doc),
      apply: (tr, set) => {
        const change = tr.getMeta(key) as Change | undefined;
        if (change === undefined) return set;
        if ('add' in change) return set.add(tr.doc, [change.add]);
        return set.remove(set.find(undefined, undefined, (spec) => spec['id'] === change.remove));
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

let view: EditorView | null = null;
const added: string[] = [];

/** Tag: the DOM selection becomes a decoration and the caret moves to its end, in one transaction. */
function tag(current: EditorView): void {
  const selection = document.getSelection();
  if (selection === null || selection.anchorNode === null || selection.focusNode === null) return;
  const a = current.posAtDOM(selection.anchorNode, selection.anchorOffset);
  const b = current.posAtDOM(selection.focusNode, selection.focusOffset);
  const [from, to] = a < b ? [a, b] : [b, a];
  const id = `n${added.length + 1}-${Math.round(performance.now())}`;
  added.push(id);
  const tr = current.state.tr.setMeta(key, { add: decoration(from, to, id, 'claim') } satisfies Change);
  current.dispatch(tr.setSelection(TextSelection.create(tr.doc, to)));
}

function undo(current: EditorView): void {
  const id = added.pop();
  if (id !== undefined) current.dispatch(current.state.tr.setMeta(key, { remove: id } satisfies Change));
}

window.addEventListener('keydown', (event) => {
  if (view === null) return;
  if (event.key === '1') tag(view);
  else if (event.key === 'z' && event.ctrlKey) undo(view);
  else return;
  event.preventDefault();
});

/** Builds the view over `text` with `spans` in the page's scroller (replacing any earlier one). */
function open(text: string, spans: readonly BaselineSpan[]): void {
  view?.destroy();
  const mount = document.getElementById('scroller')!;
  mount.textContent = '';
  const paragraph = schema.nodes['paragraph']!;
  const doc = schema.nodes['doc']!.create(
    null,
    text.split('\n').map((line) => paragraph.create(null, line === '' ? null : schema.text(line))),
  );
  const state = EditorState.create({ doc, plugins: [plugin((d) => decorations(d, text, spans))] });
  view = new EditorView(mount, {
    state,
    attributes: { role: 'textbox', 'aria-label': 'Document text', 'aria-readonly': 'true' },
    handleTextInput: () => true,
  });
}

function close(): void {
  view?.destroy();
  view = null;
  document.getElementById('scroller')!.textContent = '';
}

Object.assign(window, { twBaseline: { open, close } });
