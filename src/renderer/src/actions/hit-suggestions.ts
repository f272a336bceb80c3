// "Tag all hits as …" from the search panel (src/renderer/actions): the text hits of a search become
// suggestions of one label, never tags. The analyst then accepts or rejects them one by one (] Y X or the
// Suggestions tab), in this document at once and in the others listed there, as with any suggestion.
import { rangeSuggestions, type DocId, type LabelDef, type Suggestion } from '@shared/model';
import type { SearchHit } from '@shared/search';
import type { AppServices } from '../services/app-services';

/** The hits grouped by document, in the order the search found them; annotation hits are tags already. */
function textHitsByDocument(hits: readonly SearchHit[]): Map<string, SearchHit[]> {
  const byDoc = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    if (hit.span !== undefined) continue;
    const list = byDoc.get(hit.docId);
    if (list === undefined) byDoc.set(hit.docId, [hit]);
    else list.push(hit);
  }
  return byDoc;
}

/**
 * Offers the text hits as suggestions of `label` and opens the Suggestions tab on the first one here.
 * Answers how many were offered (hits tagged with that label already, or turned down before, are not).
 */
export function suggestHits(
  services: AppServices,
  hits: readonly SearchHit[],
  label: LabelDef,
  pattern: string,
): number {
  const { suggestions, sessions } = services;
  const session = sessions.current;
  const reason = `found by the search for “${pattern}”, to tag as ${label.name}`;
  const toRanges = (list: readonly SearchHit[]) =>
    list.map((hit) => ({ start: hit.start, end: hit.end, quote: hit.match }));
  const elsewhere: { docId: string; title: string; suggestions: Suggestion[] }[] = [];
  let offered = 0;
  let firstHere: Suggestion | null = null;
  for (const [docId, list] of textHitsByDocument(hits)) {
    const layer = session?.docId === docId ? session.editableLayer : null;
    // The open document filters at once; the others when they are opened (SuggestionStore.attach).
    const found =
      session !== null && layer !== null
        ? rangeSuggestions(toRanges(list), label.id, reason, {
            spans: session.layer(layer).spans,
            rejected: suggestions.rejectedIn(session),
            layer,
          })
        : rangeSuggestions(toRanges(list), label.id, reason, { spans: [], rejected: [], layer: '' });
    offered += found.length;
    if (session?.docId === docId) {
      suggestions.offer(docId as DocId, found);
      firstHere = found[0] ?? null;
    } else if (found.length > 0) elsewhere.push({ docId, title: list[0]!.title, suggestions: found });
  }
  if (elsewhere.length > 0)
    suggestions.offerElsewhere(pattern, label.id, { documents: elsewhere, truncated: false });
  if (session !== null && firstHere !== null) {
    suggestions.current.set({ docId: session.docId, key: firstHere.key });
    services.ui.sideTab.set('suggestions');
  }
  services.announcer.say(
    `${offered} hits offered as ${label.name} suggestions: ] goes to the next, Y accepts, X rejects.`,
  );
  return offered;
}
