// Pairs the spans of two layers one-to-one (shared layer, pure). Exact: same label, start and end. Overlap:
// same label and at least one shared code unit; a maximum matching (as many pairs as possible), preferring
// exact pairs, then the largest overlap, then text position, so the chosen pairs are deterministic.
import { pairByKey, type Pairing } from './pair-by-key';
import { compareStrings } from './records';
import type { AgreementSpan } from './types';

export type SpanPairing = Pairing<AgreementSpan>;

/** Text order: start, then the longer span first, then label and id, so the order is total. */
export function compareSpanPositions(a: AgreementSpan, b: AgreementSpan): number {
  return a.start - b.start || b.end - a.end || compareStrings(a.label, b.label) || compareStrings(a.id, b.id);
}

export function inTextOrder(spans: readonly AgreementSpan[]): AgreementSpan[] {
  return [...spans].sort(compareSpanPositions);
}

/** The identity of a span's extent and label, for exact matching. */
export function spanKey(span: AgreementSpan): string {
  return JSON.stringify([span.label, span.start, span.end]);
}

/** Exact matching: same label, start and end; duplicates pair at most once each. */
export function matchExact(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): SpanPairing {
  return pairByKey(inTextOrder(a), inTextOrder(b), spanKey);
}

function overlapLength(a: AgreementSpan, b: AgreementSpan): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

interface Edge {
  a: number;
  b: number;
  overlap: number;
  exact: boolean;
}

/**
 * Every overlapping pair of a[i], b[j] (both in text order, one label) by a sweep over start offsets: each
 * span meets only the spans of the other side still open at its start, so the cost is the output size.
 */
function overlapEdges(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): Edge[] {
  const edges: Edge[] = [];
  let openA: number[] = [];
  let openB: number[] = [];
  let i = 0;
  let j = 0;
  const edge = (ai: number, bj: number, sa: AgreementSpan, sb: AgreementSpan): void => {
    edges.push({
      a: ai,
      b: bj,
      overlap: overlapLength(sa, sb),
      exact: sa.start === sb.start && sa.end === sb.end,
    });
  };
  for (;;) {
    const sa = a[i];
    const sb = b[j];
    if (sa !== undefined && (sb === undefined || sa.start <= sb.start)) {
      openB = openB.filter((k) => (b[k]?.end ?? 0) > sa.start);
      for (const k of openB) edge(i, k, sa, b[k] as AgreementSpan);
      openA.push(i++);
    } else if (sb !== undefined) {
      openA = openA.filter((k) => (a[k]?.end ?? 0) > sb.start);
      for (const k of openA) edge(k, j, a[k] as AgreementSpan, sb);
      openB.push(j++);
    } else return edges;
  }
}

/** Preference among candidate pairs: exact first, then larger overlap, then earlier in the text. */
function compareEdges(x: Edge, y: Edge): number {
  return Number(y.exact) - Number(x.exact) || y.overlap - x.overlap || x.a - y.a || x.b - y.b;
}

/**
 * Tries to grow the matching from the free vertex `root` of side A along an augmenting path (alternating
 * unmatched and matched edges, ending at a free vertex of side B); iterative, so long paths cannot overflow
 * the stack. `visitedB` is shared by the searches of one phase.
 */
function augment(
  root: number,
  adjacency: readonly number[][],
  matchA: Int32Array,
  matchB: Int32Array,
  visitedB: Uint8Array,
): boolean {
  const path = [root];
  const via: number[] = [];
  const cursor = [0];
  while (path.length > 0) {
    const level = path.length - 1;
    const neighbours = adjacency[path[level] as number] ?? [];
    const position = cursor[level] as number;
    if (position >= neighbours.length) {
      path.pop();
      cursor.pop();
      via.length = path.length;
      continue;
    }
    cursor[level] = position + 1;
    const b = neighbours[position] as number;
    if (visitedB[b] === 1) continue;
    visitedB[b] = 1;
    via[level] = b;
    const owner = matchB[b] as number;
    if (owner === -1) {
      path.forEach((a, k) => {
        const partner = via[k] as number;
        matchA[a] = partner;
        matchB[partner] = a;
      });
      return true;
    }
    path.push(owner);
    cursor.push(0);
  }
  return false;
}

/**
 * A maximum one-to-one matching over `edges` (already in order of preference): greedy in that order first,
 * then augmenting paths (Kuhn's algorithm, in phases) add the pairs greedy choice missed, never dropping a
 * matched span. Returns, for each A index, its B index or -1.
 */
function maximumMatching(countA: number, countB: number, edges: readonly Edge[]): Int32Array {
  const matchA = new Int32Array(countA).fill(-1);
  const matchB = new Int32Array(countB).fill(-1);
  const adjacency: number[][] = Array.from({ length: countA }, () => []);
  for (const { a, b } of edges) {
    adjacency[a]?.push(b);
    if (matchA[a] === -1 && matchB[b] === -1) {
      matchA[a] = b;
      matchB[b] = a;
    }
  }
  for (let grew = true; grew;) {
    grew = false;
    const visitedB = new Uint8Array(countB);
    for (let a = 0; a < countA; a++) {
      if (
        matchA[a] === -1 &&
        (adjacency[a]?.length ?? 0) > 0 &&
        augment(a, adjacency, matchA, matchB, visitedB)
      ) {
        grew = true;
      }
    }
  }
  return matchA;
}

function matchOverlapWithinLabel(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): SpanPairing {
  const edges = overlapEdges(a, b).sort(compareEdges);
  const matchA = maximumMatching(a.length, b.length, edges);
  const pairs: SpanPairing['pairs'] = [];
  const onlyA: AgreementSpan[] = [];
  const takenB = new Uint8Array(b.length);
  a.forEach((span, index) => {
    const partner = b[matchA[index] ?? -1];
    if (partner === undefined) onlyA.push(span);
    else {
      pairs.push({ a: span, b: partner });
      takenB[matchA[index] as number] = 1;
    }
  });
  return { pairs, onlyA, onlyB: b.filter((_, index) => takenB[index] === 0) };
}

function byLabel(spans: readonly AgreementSpan[]): Map<string, AgreementSpan[]> {
  const groups = new Map<string, AgreementSpan[]>();
  for (const span of inTextOrder(spans)) {
    const group = groups.get(span.label);
    if (group === undefined) groups.set(span.label, [span]);
    else group.push(span);
  }
  return groups;
}

/** Overlap matching: same label, sharing at least one code unit, each span in at most one pair, as many pairs as possible. */
export function matchOverlap(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): SpanPairing {
  const groupsA = byLabel(a);
  const groupsB = byLabel(b);
  const labels = [...new Set([...groupsA.keys(), ...groupsB.keys()])];
  const result: SpanPairing = { pairs: [], onlyA: [], onlyB: [] };
  for (const label of labels) {
    const part = matchOverlapWithinLabel(groupsA.get(label) ?? [], groupsB.get(label) ?? []);
    for (const pair of part.pairs) result.pairs.push(pair);
    for (const span of part.onlyA) result.onlyA.push(span);
    for (const span of part.onlyB) result.onlyB.push(span);
  }
  const byA = (x: { a: AgreementSpan }, y: { a: AgreementSpan }): number => compareSpanPositions(x.a, y.a);
  result.pairs.sort(byA);
  result.onlyA.sort(compareSpanPositions);
  result.onlyB.sort(compareSpanPositions);
  return result;
}
