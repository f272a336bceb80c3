// The schema editor's working copy (src/renderer/stores): labels, attributes and relation types as the
// analyst edits them, each remembering the id it had, so the change sent to main names its renames (which
// migrate the documents) instead of looking like a deletion and an addition. Pure functions, no api.
import type {
  AttributeDef,
  LabelDef,
  LabelSchema,
  LineStyle,
  RelationTypeDef,
  SchemaRenames,
} from '@shared/model';

export interface DraftAttribute {
  originalId: string | null;
  id: string;
  name: string;
  /** Allowed values, comma-separated as typed; empty means free text. */
  values: string;
}

export interface DraftLabel {
  /** Stable while the id is edited: relation type ends name labels by it. */
  key: string;
  originalId: string | null;
  id: string;
  name: string;
  color: string;
  lineStyle: LineStyle;
  hotkey: string;
  guideline: string;
  attributes: DraftAttribute[];
}

export interface DraftRelationType {
  originalId: string | null;
  id: string;
  name: string;
  /** Keys of the labels it may start and end at. */
  from: string[];
  to: string[];
}

export interface SchemaDraft {
  labels: DraftLabel[];
  relationTypes: DraftRelationType[];
}

export function draftOf(schema: LabelSchema): SchemaDraft {
  return {
    labels: schema.labels.map((l) => ({
      key: l.id,
      originalId: l.id,
      id: l.id,
      name: l.name,
      color: l.color,
      lineStyle: l.lineStyle,
      hotkey: l.hotkey ?? '',
      guideline: l.guideline,
      attributes: l.attributes.map((a) => ({
        originalId: a.id,
        id: a.id,
        name: a.name,
        values: a.values.join(', '),
      })),
    })),
    relationTypes: schema.relationTypes.map((t) => ({
      ...t,
      from: [...t.from],
      to: [...t.to],
      originalId: t.id,
    })),
  };
}

function attributeOf(a: DraftAttribute): AttributeDef {
  const values = a.values
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return { id: a.id.trim(), name: a.name.trim(), values };
}

/**
 * The schema the draft describes and the renames that carry the documents over. A relation type's ends
 * follow label renames (they name labels by key) and drop deleted labels; a type left with no label at an
 * end is dropped too.
 */
export function changeOf(draft: SchemaDraft): { schema: LabelSchema; renames: SchemaRenames } {
  const idOfKey = new Map(draft.labels.map((l) => [l.key, l.id.trim()]));
  const labels: LabelDef[] = draft.labels.map((l) => {
    const label: LabelDef = {
      id: l.id.trim(),
      name: l.name.trim(),
      color: l.color,
      lineStyle: l.lineStyle,
      guideline: l.guideline,
      attributes: l.attributes.map(attributeOf),
    };
    if (l.hotkey.trim() !== '') label.hotkey = l.hotkey.trim().toLowerCase();
    return label;
  });
  const end = (keys: readonly string[]) => [...new Set(keys.flatMap((key) => idOfKey.get(key) ?? []))];
  // A type whose every label at one end was deleted can link nothing: it goes with them (its relations are
  // counted among the losses). A type the analyst left without ends is still sent, for main to refuse.
  const orphaned = (keys: readonly string[]) => keys.length > 0 && end(keys).length === 0;
  const relationTypes: RelationTypeDef[] = draft.relationTypes
    .filter((t) => !orphaned(t.from) && !orphaned(t.to))
    .map((t) => ({ id: t.id.trim(), name: t.name.trim(), from: end(t.from), to: end(t.to) }));
  const kept = new Set(relationTypes.map((t) => t.id));
  const renamed = <T extends { originalId: string | null; id: string }>(list: readonly T[]) =>
    list
      .filter((x) => x.originalId !== null && x.originalId !== x.id.trim())
      .map((x) => ({ from: x.originalId!, to: x.id.trim() }));
  return {
    schema: { labels, relationTypes },
    renames: {
      labels: renamed(draft.labels),
      relationTypes: renamed(draft.relationTypes).filter((r) => kept.has(r.to)),
      attributes: draft.labels.flatMap((l) =>
        renamed(l.attributes).map((r) => ({ ...r, label: l.id.trim() })),
      ),
    },
  };
}

/** Okabe-Ito colours, so a new label is told apart without colour vision troubles. */
const NEW_COLOURS = ['#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export function newLabel(draft: SchemaDraft): DraftLabel {
  const n = draft.labels.length;
  let id = `label-${n + 1}`;
  for (let k = n + 2; draft.labels.some((l) => l.id === id); k++) id = `label-${k}`;
  return {
    key: `new:${id}:${Date.now()}`,
    originalId: null,
    id,
    name: `Label ${n + 1}`,
    color: NEW_COLOURS[n % NEW_COLOURS.length]!,
    lineStyle: 'dotted',
    hotkey: '',
    guideline: '',
    attributes: [],
  };
}

/** Hotkeys of the draft that commands already use (a label key there would never reach the label). */
export function hotkeyClashes(draft: SchemaDraft, commandKeys: ReadonlyMap<string, string>): string[] {
  return draft.labels.flatMap((l) => {
    const key = l.hotkey.trim().toLowerCase();
    const command = commandKeys.get(key);
    return command === undefined ? [] : [`The key ${key} of ${l.name} is already “${command}”.`];
  });
}
