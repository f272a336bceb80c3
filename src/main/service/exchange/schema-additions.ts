// What the label schema must gain to hold an imported file (src/main): labels, attributes and values, relation
// types and allowed relation ends the workspace does not know yet. Nothing is dropped or renamed silently:
// every addition is named in the preview and the report, and a native package's own definitions are reused.
import { WorkbenchError } from '@shared/api';
import type { ParsedDocument, ParsedPackage } from '@shared/formats/annotations';
import { isValidId, lineStyles, type LabelDef, type LabelSchema } from '@shared/model';

/** Okabe-Ito colours beyond the default three, then greys: distinguishable with common colour-vision deficiencies. */
const PALETTE = [
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
  '#E69F00',
  '#0072B2',
  '#009E73',
];

export interface SchemaExtension {
  schema: LabelSchema;
  /** One line per addition, for people ("label PER (from the file)"). */
  additions: string[];
}

/** A label or relation type new to the schema becomes its id, so it must be one; the refusal names where. */
function assertId(id: string, what: string, doc: ParsedDocument): void {
  if (isValidId(id)) return;
  const { file, line } = doc.source;
  const where = line === undefined ? file : `${file}, line ${line}`;
  throw new WorkbenchError(
    'import-rejected',
    `${where}: the ${what} "${id}" is not an id (1-64 characters of A-Z, a-z, 0-9, _ or -). Nothing was imported.`,
    { file, line },
  );
}

export function extendSchema(current: LabelSchema, parsed: ParsedPackage): SchemaExtension {
  const schema: LabelSchema = structuredClone(current);
  const additions: string[] = [];
  const labelOf = new Map<string, string>();
  const declared = parsed.schema;
  mergeSchemaInto(schema, declared, additions);
  const labelDef = (id: string): LabelDef => {
    let def = schema.labels.find((l) => l.id === id);
    if (def === undefined) {
      const fromFile = declared?.labels.find((l) => l.id === id);
      const n = schema.labels.length;
      def = fromFile
        ? { ...structuredClone(fromFile), hotkey: undefined }
        : {
            id,
            name: id,
            color: PALETTE[n % PALETTE.length]!,
            lineStyle: lineStyles[n % lineStyles.length]!,
            guideline: '',
            attributes: [],
          };
      if (def.hotkey === undefined) delete def.hotkey;
      schema.labels.push(def);
      additions.push(`label "${id}"`);
    }
    return def;
  };
  for (const doc of parsed.documents) {
    for (const layer of doc.layers) {
      for (const span of layer.spans) {
        assertId(span.label, 'label', doc);
        const def = labelDef(span.label);
        if (span.id !== undefined) labelOf.set(span.id, span.label);
        for (const [key, value] of Object.entries(span.attributes)) {
          let attribute = def.attributes.find((a) => a.id === key);
          if (attribute === undefined) {
            attribute = { id: key, name: key, values: [] };
            def.attributes.push(attribute);
            additions.push(`attribute "${key}" of ${def.name}`);
          } else if (attribute.values.length > 0 && !attribute.values.includes(value)) {
            attribute.values.push(value);
            additions.push(`value "${value}" of ${def.name}.${attribute.name}`);
          }
        }
      }
      for (const relation of layer.relations) {
        assertId(relation.type, 'relation type', doc);
        const from = labelOf.get(relation.from);
        const to = labelOf.get(relation.to);
        let type = schema.relationTypes.find((t) => t.id === relation.type);
        if (type === undefined) {
          type = { id: relation.type, name: relation.type, from: [], to: [] };
          schema.relationTypes.push(type);
          additions.push(`relation type "${relation.type}"`);
        }
        if (from !== undefined && !type.from.includes(from)) {
          if (type.from.length > 0) additions.push(`"${type.name}" may now start at ${from}`);
          type.from.push(from);
        }
        if (to !== undefined && !type.to.includes(to)) {
          if (type.to.length > 0) additions.push(`"${type.name}" may now end at ${to}`);
          type.to.push(to);
        }
      }
    }
  }
  return { schema, additions };
}

/**
 * A schema the file states (a native package): its labels, attributes, values and relation types join ours
 * (`schema`, changed in place). Also the superset a schema change passes through (schema-change.ts).
 */
export function mergeSchemaInto(
  schema: LabelSchema,
  declared: LabelSchema | undefined,
  additions: string[] = [],
): void {
  if (declared === undefined) return;
  for (const label of declared.labels) {
    const mine = schema.labels.find((l) => l.id === label.id);
    if (mine === undefined) {
      const copy = structuredClone(label);
      if (copy.hotkey !== undefined && schema.labels.some((l) => l.hotkey === copy.hotkey))
        delete copy.hotkey;
      schema.labels.push(copy);
      additions.push(`label "${label.id}"`);
      continue;
    }
    for (const attribute of label.attributes) {
      const have = mine.attributes.find((a) => a.id === attribute.id);
      if (have === undefined) {
        mine.attributes.push(structuredClone(attribute));
        additions.push(`attribute "${attribute.id}" of ${mine.name}`);
      } else if (have.values.length > 0) {
        for (const value of attribute.values.filter((v) => !have.values.includes(v))) {
          have.values.push(value);
          additions.push(`value "${value}" of ${mine.name}.${have.name}`);
        }
      }
    }
  }
  for (const type of declared.relationTypes) {
    const mine = schema.relationTypes.find((t) => t.id === type.id);
    if (mine === undefined) {
      schema.relationTypes.push(structuredClone(type));
      additions.push(`relation type "${type.id}"`);
      continue;
    }
    for (const end of ['from', 'to'] as const) {
      for (const label of type[end].filter((l) => !mine[end].includes(l))) {
        mine[end].push(label);
        additions.push(`"${mine.name}" may now ${end === 'from' ? 'start' : 'end'} at ${label}`);
      }
    }
  }
}
