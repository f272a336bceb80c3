// The corpus view of frames (shared layer, pure): how many claims each actor makes, per month when documents
// carry a date in their metadata, and where two actors contest each other — documents in which both make
// claims, marked when their claims take opposite stances or one of them is a denial.
import { speakersOf, type FrameRow } from './frames';
import { ownEntry } from './records';

/** The default schema's claim attributes the contested view reads (data/schema.default.json). */
export const STANCE = 'stance';
export const SPEECH_ACT = 'speech_act';
const OPPOSITE_STANCES = new Set(['supportive', 'opposed']);

export interface ActorClaims {
  actor: string;
  total: number;
  /** Claims per period, in the order of `ClaimsByActor.periods` (0 where none). */
  counts: number[];
}

export interface ClaimsByActor {
  /** Months ("2024-11") that occur, in order, then "undated" when some document has no date. */
  periods: string[];
  actors: ActorClaims[];
  /** Claims no actor is linked to. */
  unattributed: number;
}

export const UNDATED = 'undated';

/** The month of an ISO-like date ("2024-11-21" → "2024-11"), or "undated". */
export function periodOf(date: string): string {
  return /^\d{4}-\d{2}/.exec(date.trim())?.[0] ?? UNDATED;
}

export function claimsByActor(rows: readonly FrameRow[], speakers: readonly string[]): ClaimsByActor {
  const perActor = new Map<string, Map<string, number>>();
  const periods = new Set<string>();
  let unattributed = 0;
  for (const row of rows) {
    const names = speakersOf(row, speakers);
    if (names.length === 0) unattributed++;
    const period = periodOf(row.docDate);
    periods.add(period);
    for (const name of names) {
      let counts = perActor.get(name);
      if (counts === undefined) perActor.set(name, (counts = new Map()));
      counts.set(period, (counts.get(period) ?? 0) + 1);
    }
  }
  const ordered = [...periods].filter((p) => p !== UNDATED).sort();
  if (periods.has(UNDATED)) ordered.push(UNDATED);
  const actors = [...perActor].map(([actor, counts]) => ({
    actor,
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    counts: ordered.map((p) => counts.get(p) ?? 0),
  }));
  actors.sort((a, b) => b.total - a.total || a.actor.localeCompare(b.actor));
  return { periods: ordered, actors, unattributed };
}

export interface ContestedDocument {
  docId: string;
  docTitle: string;
  docDate: string;
  first: FrameRow[];
  second: FrameRow[];
  /** Some claim of one opposes one of the other: opposite stances, or a denial. */
  opposed: boolean;
}

function opposes(a: FrameRow, b: FrameRow): boolean {
  const stance = (row: FrameRow) => ownEntry(row.target.attributes, STANCE);
  const denial = (row: FrameRow) => ownEntry(row.target.attributes, SPEECH_ACT) === 'denial';
  const [x, y] = [stance(a), stance(b)];
  const opposite =
    x !== undefined && y !== undefined && x !== y && OPPOSITE_STANCES.has(x) && OPPOSITE_STANCES.has(y);
  return opposite || denial(a) || denial(b);
}

/** Documents in which both actors make claims, their claims side by side; opposed ones first. */
export function contestedClaims(
  rows: readonly FrameRow[],
  speakers: readonly string[],
  first: string,
  second: string,
): ContestedDocument[] {
  const byDoc = new Map<string, ContestedDocument>();
  for (const row of rows) {
    const names = speakersOf(row, speakers);
    const ofFirst = names.includes(first);
    const ofSecond = names.includes(second);
    if (!ofFirst && !ofSecond) continue;
    let doc = byDoc.get(row.docId);
    if (doc === undefined) {
      doc = {
        docId: row.docId,
        docTitle: row.docTitle,
        docDate: row.docDate,
        first: [],
        second: [],
        opposed: false,
      };
      byDoc.set(row.docId, doc);
    }
    if (ofFirst) doc.first.push(row);
    if (ofSecond) doc.second.push(row);
  }
  const both = [...byDoc.values()].filter((d) => d.first.length > 0 && d.second.length > 0);
  for (const doc of both)
    doc.opposed = doc.first.some((a) => doc.second.some((b) => a !== b && opposes(a, b)));
  return both.sort((a, b) => Number(b.opposed) - Number(a.opposed) || a.docDate.localeCompare(b.docDate));
}
