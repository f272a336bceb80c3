// Ids for records the renderer creates (src/renderer/stores): random, URL- and file-name-safe, and short
// enough for the id pattern of the data model, so spans and relations made offline never collide.
import type { RelationId, SpanId } from '@shared/model';

const randomPart = () => crypto.randomUUID().replace(/-/g, '').slice(0, 16);

export function newSpanId(): SpanId {
  return `s${randomPart()}` as SpanId;
}

export function newRelationId(): RelationId {
  return `r${randomPart()}` as RelationId;
}
