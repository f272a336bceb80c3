// What makes a label schema usable beyond its zod shape (shared layer, pure): ids and hotkeys that do not
// repeat, attributes and values that do not repeat, and relation types whose ends are labels that exist.
// The schema editor shows these problems as the analyst types; main refuses a schema that has any.
import type { LabelSchema } from './label-schema';

/** Every problem of `schema`, as sentences naming the label, attribute or relation type concerned. */
export function schemaProblems(schema: LabelSchema): string[] {
  const problems: string[] = [];
  const repeated = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
  for (const id of new Set(repeated(schema.labels.map((l) => l.id))))
    problems.push(`Two labels have the id "${id}".`);
  const hotkeys = schema.labels.flatMap((l) => (l.hotkey === undefined ? [] : [l.hotkey]));
  for (const key of new Set(repeated(hotkeys))) {
    const names = schema.labels.filter((l) => l.hotkey === key).map((l) => l.name);
    problems.push(`The key ${key} is given to ${names.join(' and ')}.`);
  }
  for (const label of schema.labels) {
    for (const id of new Set(repeated(label.attributes.map((a) => a.id))))
      problems.push(`${label.name} has two attributes with the id "${id}".`);
    for (const attribute of label.attributes) {
      for (const value of new Set(repeated(attribute.values)))
        problems.push(`${label.name}.${attribute.name} lists the value "${value}" twice.`);
    }
  }
  for (const id of new Set(repeated(schema.relationTypes.map((t) => t.id))))
    problems.push(`Two relation types have the id "${id}".`);
  const labelIds = new Set(schema.labels.map((l) => l.id));
  for (const type of schema.relationTypes) {
    for (const end of ['from', 'to'] as const) {
      for (const label of type[end].filter((l) => !labelIds.has(l)))
        problems.push(
          `The relation type "${type.name}" ${end === 'from' ? 'starts' : 'ends'} at "${label}", which is not a label.`,
        );
    }
  }
  return problems;
}
