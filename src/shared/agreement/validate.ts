// Checks a layer before any figure is computed (shared layer, pure): offsets are integers with
// 0 <= start < end (<= the text length when the text is known), span and relation ids are unique, and every
// relation names spans of its own layer. A bad layer raises AgreementInputError naming where; nothing partial.
import { AgreementInputError, type AgreementLayer, type AgreementSpan } from './types';

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkSpan(span: AgreementSpan, where: string, textLength: number | undefined): void {
  const name = `${where}: span "${String(span.id)}"`;
  if (typeof span.id !== 'string' || span.id === '')
    throw new AgreementInputError(`${where}: a span has no id`);
  if (typeof span.label !== 'string') throw new AgreementInputError(`${name} has no label`);
  if (!isOffset(span.start) || !isOffset(span.end)) {
    throw new AgreementInputError(`${name} has offsets ${span.start}–${span.end}; they must be integers ≥ 0`);
  }
  if (span.start >= span.end) {
    throw new AgreementInputError(`${name} is empty or reversed (start ${span.start}, end ${span.end})`);
  }
  if (textLength !== undefined && span.end > textLength) {
    throw new AgreementInputError(`${name} ends at ${span.end}, past the end of the text (${textLength})`);
  }
}

/**
 * Validates a layer and returns its spans by id. `where` names the layer in messages, e.g.
 * `document "d1", layer "alice"`; `textLength` bounds the offsets when the text is known.
 */
export function validateLayer(
  layer: AgreementLayer,
  where: string,
  textLength?: number,
): ReadonlyMap<string, AgreementSpan> {
  const spansById = new Map<string, AgreementSpan>();
  for (const span of layer.spans) {
    checkSpan(span, where, textLength);
    if (spansById.has(span.id)) throw new AgreementInputError(`${where}: span id "${span.id}" is used twice`);
    spansById.set(span.id, span);
  }
  const relationIds = new Set<string>();
  for (const relation of layer.relations) {
    const name = `${where}: relation "${String(relation.id)}"`;
    if (typeof relation.id !== 'string' || relation.id === '') {
      throw new AgreementInputError(`${where}: a relation has no id`);
    }
    if (relationIds.has(relation.id)) throw new AgreementInputError(`${name} is used twice`);
    relationIds.add(relation.id);
    if (typeof relation.type !== 'string') throw new AgreementInputError(`${name} has no type`);
    for (const end of [relation.from, relation.to]) {
      if (!spansById.has(end))
        throw new AgreementInputError(`${name} points at span "${end}", which is not in the layer`);
    }
  }
  return spansById;
}
