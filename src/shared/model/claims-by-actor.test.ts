// The corpus view: claims per actor and month (undated documents last), and the documents where two actors
// both make claims, marked when a stance opposes the other's or one claim is a denial.
import { describe, expect, it } from 'vitest';
import type { Span } from './document';
import type { FrameRow } from './frames';
import { claimsByActor, contestedClaims, periodOf } from './claims-by-actor';

let serial = 0;
function row(
  docId: string,
  date: string,
  actors: string[],
  attributes: Record<string, string> = {},
): FrameRow {
  const id = `c${serial++}`;
  const target = { id, label: 'claim', quote: `claim ${id}`, attributes, note: '' } as unknown as Span;
  const ends = actors.map((name, i) => ({
    relationId: `${id}-r${i}`,
    spanId: `${id}-a${i}`,
    label: 'actor',
    quote: name,
    start: 0,
    end: 1,
    name,
  }));
  return {
    docId,
    docTitle: `Doc ${docId}`,
    docDate: date,
    layer: 'dana',
    target,
    startCp: 0,
    endCp: 1,
    links: ends.length > 0 ? [{ type: 'says', ends }] : [],
  };
}

describe('claims by actor', () => {
  it('counts each actor’s claims per month, undated last, most active first', () => {
    const rows = [
      row('a', '2024-11-02', ['Erdogan']),
      row('a', '2024-11-02', ['Erdogan', 'Assad']),
      row('b', '2024-12-20T10:00', ['Assad']),
      row('c', '', ['Erdogan']),
      row('c', '', []),
    ];
    const view = claimsByActor(rows, ['says']);
    expect(view.periods).toEqual(['2024-11', '2024-12', 'undated']);
    expect(view.actors).toEqual([
      { actor: 'Erdogan', total: 3, counts: [2, 0, 1] },
      { actor: 'Assad', total: 2, counts: [1, 1, 0] },
    ]);
    expect(view.unattributed).toBe(1);
    expect(periodOf(' 2023-01-31 ')).toBe('2023-01');
  });

  it('finds the documents where two actors both make claims, opposed ones first', () => {
    const rows = [
      row('calm', '2024-01-01', ['Erdogan'], { stance: 'supportive' }),
      row('calm', '2024-01-01', ['Assad'], { stance: 'supportive' }),
      row('clash', '2024-02-01', ['Erdogan'], { stance: 'supportive' }),
      row('clash', '2024-02-01', ['Assad'], { stance: 'opposed' }),
      row('denied', '2024-03-01', ['Erdogan']),
      row('denied', '2024-03-01', ['Assad'], { speech_act: 'denial' }),
      row('alone', '2024-04-01', ['Erdogan']),
    ];
    const found = contestedClaims(rows, ['says'], 'Erdogan', 'Assad');
    expect(found.map((d) => [d.docId, d.opposed])).toEqual([
      ['clash', true],
      ['denied', true],
      ['calm', false],
    ]);
    expect(found[0]!.first.map((r) => r.docId)).toEqual(['clash']);
  });
});
