// What a label hotkey, a palette button or a click on the text does (src/renderer/actions): the glue between
// the editor (selection as text offsets) and the document session. Shared by keyboard and mouse paths.
import { GOLD_LAYER, OpError, type LayerId, type Span } from '@shared/model';
import { tagSelection } from '../editor/commands';
import type { CommandContext } from '../services/app-services';
import { runAfterPaint } from '../stores/after-paint';
import { newSpanId } from '../stores/new-ids';
import { editedProvenance, finishEditing } from './review-actions';

function labelName(ctx: CommandContext, labelId: string): string {
  return ctx.services.workspace.labelSchema()?.labels.find((l) => l.id === labelId)?.name ?? labelId;
}

/**
 * With a text selection: creates a span (snapped outward to words unless `exact`). With only a caret inside
 * the selected span (which the analyst can see): relabels it. With only a caret elsewhere: tags the word.
 */
export function applyLabel(ctx: CommandContext, labelId: string, exact: boolean): void {
  const { session, editor, services } = ctx;
  if (session === null || editor === null) return;
  // While adjudicating in edit mode the new span goes into gold, standing for the item's spans.
  const provenance = editedProvenance(ctx);
  const layer = provenance !== null ? GOLD_LAYER : session.editableLayer;
  if (layer === null)
    return services.workspace.notify({ kind: 'error', message: 'This layer is read-only.' });
  const focused = session.focused.get();
  const result: { outcome: 'tagged' | 'relabelled' | 'nothing' | 'hidden-focus' } = { outcome: 'nothing' };
  try {
    editor.transact((state, dispatch) => {
      if (
        state.selection.empty &&
        focused !== null &&
        session.canEdit(focused.layer) &&
        provenance === null
      ) {
        if (!editor.isSpanVisible(focused.spanId)) {
          result.outcome = 'hidden-focus';
          return;
        }
        const span = session.span(focused);
        if (span !== undefined && span.label !== labelId) {
          session.apply([{ kind: 'update-span', spanId: span.id, changes: { label: labelId } }], {
            layer: focused.layer,
          });
          services.announcer.say(`Relabelled as ${labelName(ctx, labelId)}: ${span.quote}`);
        }
        result.outcome = 'relabelled';
        return;
      }
      const tagged = tagSelection(editor, exact, (range) => {
        // The same label over the same text twice is never what an analyst means: select the existing span.
        const twin = session
          .layer(layer)
          .spans.find((s) => s.label === labelId && s.start === range.start && s.end === range.end);
        if (twin !== undefined) return session.focus({ layer, spanId: twin.id }, false);
        const id = newSpanId();
        const draft = { id, label: labelId, start: range.start, end: range.end };
        session.apply([{ kind: 'add-span', span: provenance === null ? draft : { ...draft, provenance } }], {
          layer,
        });
        session.focus({ layer, spanId: id }, false);
        if (provenance !== null) finishEditing(ctx);
        services.announcer.say(`${labelName(ctx, labelId)}: ${editor.text.slice(range.start, range.end)}`);
        // Its other occurrences, here and in the corpus, become suggestions (never tags) right after the tag
        // has painted: looking for a common word's occurrences is not part of the tag's frame (nor is a tag
        // undone meanwhile anything to learn from).
        const name = labelName(ctx, labelId);
        runAfterPaint(() => {
          const tagged = session.layer(layer).span(id);
          if (tagged !== undefined) void services.suggestions.learnFrom(session, tagged, name);
        });
      })(state, dispatch);
      if (tagged) result.outcome = 'tagged';
    });
  } catch (error) {
    if (!(error instanceof OpError)) throw error;
    return services.workspace.notify({ kind: 'error', message: error.message });
  }
  if (result.outcome === 'hidden-focus') {
    services.workspace.notify({
      kind: 'error',
      message:
        'The selected span is out of view: scroll back to it (or press Esc and select some text) to tag.',
    });
  } else if (result.outcome === 'nothing') {
    services.workspace.notify({
      kind: 'error',
      message: 'Select some text (or put the caret in a word) to tag it.',
    });
  }
}

/** Spans under a clicked text offset, innermost first (the span ending exactly there counts if none covers). */
export function spansAt(spans: readonly Span[], offset: number): Span[] {
  let covering = spans.filter((s) => s.start <= offset && offset < s.end);
  if (covering.length === 0) covering = spans.filter((s) => s.end === offset);
  return covering.sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Selects the innermost span under a click in the shown layers; clicking again cycles outward. */
export function selectSpanAt(ctx: CommandContext, layers: readonly LayerId[], offset: number): boolean {
  const { session } = ctx;
  if (session === null) return false;
  const hidden = ctx.services.ui.hiddenLabels.get();
  const covering = layers.flatMap((layer) =>
    spansAt(
      session.layer(layer).spans.filter((s) => !hidden.has(s.label)),
      offset,
    ).map((span) => ({ layer, span })),
  );
  if (covering.length === 0) {
    session.focus(null, false);
    return false;
  }
  covering.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  const focused = session.focused.get();
  const index = covering.findIndex((c) => c.layer === focused?.layer && c.span.id === focused.spanId);
  const next = covering[(index + 1) % covering.length]!;
  session.focus({ layer: next.layer, spanId: next.span.id }, false);
  return false;
}

/** Moves the selection to the next (+1) or previous (-1) visible span of the layer, wrapping around. */
export function focusNeighbour(ctx: CommandContext, step: 1 | -1): void {
  const { session } = ctx;
  if (session === null) return;
  const focused = session.focused.get();
  const layer = focused?.layer ?? session.editableLayer;
  if (layer === null) return;
  const spans = session.layer(layer).spans.filter((s) => ctx.services.ui.isVisible(s.label));
  if (spans.length === 0) return;
  const index = spans.findIndex((s) => s.id === focused?.spanId);
  const next = index < 0 ? (step === 1 ? 0 : spans.length - 1) : (index + step + spans.length) % spans.length;
  session.focus({ layer, spanId: spans[next]!.id });
}

/** Deletes the selected span of the analyst's layer (its relations go with it); focus stays in the text. */
export function deleteFocusedSpan(ctx: CommandContext): void {
  const { session } = ctx;
  const focused = session?.focused.get() ?? null;
  if (session === null || focused === null || !session.canEdit(focused.layer)) return;
  const span = session.span(focused);
  session.apply([{ kind: 'remove-span', spanId: focused.spanId }], { layer: focused.layer });
  if (span !== undefined) ctx.services.announcer.say(`Deleted ${labelName(ctx, span.label)}: ${span.quote}`);
  ctx.editor?.focus();
}
