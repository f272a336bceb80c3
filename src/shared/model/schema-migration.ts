// Carries a document over to a changed label schema (shared layer, pure): renamed labels, relation types and
// attributes are renamed in every layer; what the new schema no longer allows (spans of a deleted label with
// their relations, relations whose type or ends are gone, attribute values outside the new value sets, review
// comments on removed records) is removed and counted, so main can demand a confirmation before anything is
// lost, and nothing is ever left orphaned for the next load to call damage.
import type { Comment, DocumentRecord, Layer, RejectedSuggestion, Relation, Span } from './document';
import type { LabelDef, LabelSchema } from './label-schema';
import { emptyRecord, ownEntry, setEntry } from './records';

export interface Rename {
  from: string;
  to: string;
}

/** Renames to apply while migrating; attribute renames name the label by its new id. */
export interface SchemaRenames {
  labels: Rename[];
  relationTypes: Rename[];
  attributes: (Rename & { label: string })[];
}

/** What a migration did (or would do), summed over documents. */
export interface MigrationImpact {
  /** Documents that change. */
  documents: number;
  spansRenamed: number;
  relationsRenamed: number;
  /** Spans removed because their label is gone, by the label's old id. */
  spansRemoved: { label: string; count: number }[];
  relationsRemoved: number;
  attributeValuesCleared: number;
  commentsRemoved: number;
}

export function emptyImpact(): MigrationImpact {
  return {
    documents: 0,
    spansRenamed: 0,
    relationsRenamed: 0,
    spansRemoved: [],
    relationsRemoved: 0,
    attributeValuesCleared: 0,
    commentsRemoved: 0,
  };
}

/** Anything that would be lost: a schema change with losses needs the analyst's explicit confirmation. */
export function losses(impact: MigrationImpact): number {
  const spans = impact.spansRemoved.reduce((sum, r) => sum + r.count, 0);
  return spans + impact.relationsRemoved + impact.attributeValuesCleared + impact.commentsRemoved;
}

/** What a change removes, in words: "2 condition span(s), 1 relation(s) in 1 document(s)". */
export function describeLosses(impact: MigrationImpact): string {
  const parts = impact.spansRemoved.map((r) => `${r.count} ${r.label} span(s)`);
  if (impact.relationsRemoved > 0) parts.push(`${impact.relationsRemoved} relation(s)`);
  if (impact.attributeValuesCleared > 0) parts.push(`${impact.attributeValuesCleared} attribute value(s)`);
  if (impact.commentsRemoved > 0) parts.push(`${impact.commentsRemoved} comment(s)`);
  return `${parts.join(', ')} in ${impact.documents} document(s)`;
}

/** What a change does, in words, for its preview. */
export function describeImpact(impact: MigrationImpact): string {
  const removes = losses(impact) > 0 ? ` It removes ${describeLosses(impact)}.` : ' It removes nothing.';
  if (impact.documents === 0) return 'No document uses what changes: only the schema changes.';
  return `It changes ${impact.documents} document(s): ${impact.spansRenamed} span(s) and ${impact.relationsRenamed} relation(s) renamed.${removes}`;
}

/** Why `renames` cannot go from `before` to `after` (a name that does not exist, a name renamed twice), or null. */
export function renamesProblem(
  before: LabelSchema,
  after: LabelSchema,
  renames: SchemaRenames,
): string | null {
  const check = (kind: string, list: readonly Rename[], old: Set<string>, now: Set<string>) => {
    const seen = new Set<string>();
    for (const { from, to } of list) {
      if (!old.has(from)) return `There is no ${kind} "${from}" to rename.`;
      if (!now.has(to))
        return `The ${kind} "${from}" is renamed to "${to}", which the new schema does not have.`;
      if (seen.has(from)) return `The ${kind} "${from}" is renamed twice.`;
      seen.add(from);
    }
    return null;
  };
  const ids = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
  const labels = check('label', renames.labels, ids(before.labels), ids(after.labels));
  const types = check(
    'relation type',
    renames.relationTypes,
    ids(before.relationTypes),
    ids(after.relationTypes),
  );
  if (labels !== null || types !== null) return labels ?? types;
  for (const rename of renames.attributes) {
    const label = after.labels.find((l) => l.id === rename.label);
    if (label === undefined)
      return `Attributes of "${rename.label}" are renamed, but there is no such label.`;
    if (!label.attributes.some((a) => a.id === rename.to))
      return `${label.name} has no attribute "${rename.to}" to rename "${rename.from}" to.`;
  }
  return null;
}

interface Counter {
  impact: MigrationImpact;
  removed: Map<string, number>;
}

/**
 * The document as `schema` (with `renames` applied) would hold it, or null when it does not change; `impact`
 * gains what changed. The input is left untouched.
 */
export function migrateDocument(
  doc: DocumentRecord,
  schema: LabelSchema,
  renames: SchemaRenames,
  impact: MigrationImpact,
): DocumentRecord | null {
  const counter: Counter = { impact: emptyImpact(), removed: new Map() };
  const labelOf = renameMap(renames.labels);
  const typeOf = renameMap(renames.relationTypes);
  const labels = new Map(schema.labels.map((l) => [l.id, l]));
  const layers = emptyRecord<Layer>();
  const kept = new Map<string, Set<string>>();
  for (const [layerId, layer] of Object.entries(doc.layers)) {
    const spans = migrateSpans(layer.spans, labels, labelOf, renames, counter);
    const ids = new Set(spans.map((s) => s.id as string));
    const relations = migrateRelations(layer.relations, spans, schema, typeOf, counter);
    setEntry(layers, layerId, { spans, relations });
    kept.set(layerId, new Set([...ids, ...relations.map((r) => r.id as string)]));
  }
  const comments = doc.comments.filter((c) => kept.get(c.target.layer)?.has(c.target.id) === true);
  counter.impact.commentsRemoved += doc.comments.length - comments.length;
  const rejectedSuggestions = migrateRejected(doc.rejectedSuggestions, labels, labelOf);
  const changed = counter.impact;
  const removedSpans = [...counter.removed.values()].reduce((a, b) => a + b, 0);
  const rejectedChanged = JSON.stringify(rejectedSuggestions) !== JSON.stringify(doc.rejectedSuggestions);
  if (
    changed.spansRenamed + changed.relationsRenamed + losses(changed) + removedSpans === 0 &&
    !rejectedChanged
  )
    return null;
  addImpact(impact, changed, counter.removed);
  return { ...doc, layers, comments: comments as Comment[], rejectedSuggestions };
}

function addImpact(
  total: MigrationImpact,
  part: MigrationImpact,
  removed: ReadonlyMap<string, number>,
): void {
  total.documents += 1;
  total.spansRenamed += part.spansRenamed;
  total.relationsRenamed += part.relationsRenamed;
  total.relationsRemoved += part.relationsRemoved;
  total.attributeValuesCleared += part.attributeValuesCleared;
  total.commentsRemoved += part.commentsRemoved;
  for (const [label, count] of removed) {
    const entry = total.spansRemoved.find((r) => r.label === label);
    if (entry === undefined) total.spansRemoved.push({ label, count });
    else entry.count += count;
  }
}

function renameMap(list: readonly Rename[]): Map<string, string> {
  return new Map(list.map((r) => [r.from, r.to]));
}

function migrateSpans(
  spans: readonly Span[],
  labels: ReadonlyMap<string, LabelDef>,
  labelOf: ReadonlyMap<string, string>,
  renames: SchemaRenames,
  counter: Counter,
): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const label = labelOf.get(span.label) ?? span.label;
    const def = labels.get(label);
    if (def === undefined) {
      counter.removed.set(span.label, (counter.removed.get(span.label) ?? 0) + 1);
      continue;
    }
    const attributes = migrateAttributes(span, def, renames, counter);
    const renamed = label !== span.label || attributes.renamed;
    if (renamed) counter.impact.spansRenamed++;
    out.push(renamed || attributes.cleared ? { ...span, label, attributes: attributes.values } : span);
  }
  return out;
}

/** The span's attributes under `def`: renamed keys, and values the definition no longer allows cleared. */
function migrateAttributes(span: Span, def: LabelDef, renames: SchemaRenames, counter: Counter) {
  const values = emptyRecord<string>();
  let renamed = false;
  let cleared = false;
  for (const [key, value] of Object.entries(span.attributes)) {
    const to = renames.attributes.find((r) => r.label === def.id && r.from === key)?.to ?? key;
    const attribute = def.attributes.find((a) => a.id === to);
    if (attribute === undefined || (attribute.values.length > 0 && !attribute.values.includes(value))) {
      counter.impact.attributeValuesCleared++;
      cleared = true;
      continue;
    }
    if (to !== key) renamed = true;
    if (ownEntry(values, to) === undefined) setEntry(values, to, value);
  }
  return { values, renamed, cleared };
}

function migrateRelations(
  relations: readonly Relation[],
  spans: readonly Span[],
  schema: LabelSchema,
  typeOf: ReadonlyMap<string, string>,
  counter: Counter,
): Relation[] {
  const labelOf = new Map(spans.map((s) => [s.id as string, s.label]));
  const out: Relation[] = [];
  for (const relation of relations) {
    const typeId = typeOf.get(relation.type) ?? relation.type;
    const type = schema.relationTypes.find((t) => t.id === typeId);
    const from = labelOf.get(relation.from);
    const to = labelOf.get(relation.to);
    if (
      type === undefined ||
      from === undefined ||
      to === undefined ||
      !type.from.includes(from) ||
      !type.to.includes(to)
    ) {
      counter.impact.relationsRemoved++;
      continue;
    }
    if (typeId !== relation.type) counter.impact.relationsRenamed++;
    out.push(typeId === relation.type ? relation : { ...relation, type: typeId });
  }
  return out;
}

function migrateRejected(
  rejected: readonly RejectedSuggestion[],
  labels: ReadonlyMap<string, LabelDef>,
  labelOf: ReadonlyMap<string, string>,
): RejectedSuggestion[] {
  return rejected.flatMap((r) => {
    const label = labelOf.get(r.label) ?? r.label;
    return labels.has(label) ? [label === r.label ? r : { ...r, label }] : [];
  });
}
