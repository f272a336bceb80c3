import { describe, expect, it } from 'vitest';
import { suggest } from './suggest';
import type { SuggestOutput } from './types';

function quotes(out: SuggestOutput, label: string): string[] {
  return out.spans.filter((s) => s.label === label).map((s) => s.quote);
}

function links(out: SuggestOutput, type: string): [string, string][] {
  const quote = (key: string): string => out.spans.find((s) => s.key === key)?.quote ?? '?';
  return out.relations.filter((r) => r.type === type).map((r) => [quote(r.from), quote(r.to)]);
}

describe('suggest on sentences of the sample article', () => {
  const sentence =
    'Damascus insists that Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan.';

  it('finds the capital as actor, the claim, its condition, who says it and what conditions it', () => {
    const out = suggest({ text: sentence });
    const claim = 'Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan';
    const condition = 'as a precondition for a meeting between Assad and Erdogan';
    expect(out.language).toBe('en');
    expect(quotes(out, 'actor')).toContain('Damascus');
    expect(quotes(out, 'claim')).toEqual([claim]);
    expect(quotes(out, 'condition')).toEqual([condition]);
    expect(links(out, 'says')).toEqual([['Damascus', claim]]);
    expect(links(out, 'conditions')).toEqual([[condition, claim]]);
  });

  it('tags a title with its name as one actor, not three words', () => {
    const out = suggest({
      text: 'Turkish Defense Minister Yaşar Güler emphasized that “the Syrian National Army will be part of Syria’s future.”',
    });
    expect(quotes(out, 'actor')).toContain('Turkish Defense Minister Yaşar Güler');
    expect(quotes(out, 'actor')).not.toContain('Güler');
    expect(links(out, 'says')).toEqual([
      ['Turkish Defense Minister Yaşar Güler', 'the Syrian National Army will be part of Syria’s future'],
    ]);
  });

  it('takes a quotation after a reporting verb as the claim, without its marks and final comma', () => {
    const out = suggest({
      text: 'The minister stressed that “there will be no withdrawal of Turkish forces from Syria without clear conditions.”',
    });
    const claim = 'there will be no withdrawal of Turkish forces from Syria without clear conditions';
    expect(quotes(out, 'claim')).toEqual([claim]);
    expect(links(out, 'conditions')).toEqual([['without clear conditions', claim]]);
  });

  it('links "he added" to the speaker named earlier', () => {
    const out = suggest({
      text: 'Alexander Lavrentiev stated that the conditions are not yet ripe. He added, “It is too early to talk about a meeting.”',
    });
    expect(links(out, 'says')).toEqual([
      ['Alexander Lavrentiev', 'the conditions are not yet ripe'],
      ['Alexander Lavrentiev', 'It is too early to talk about a meeting'],
    ]);
  });

  it('does not take a capital used as a place for an actor', () => {
    const out = suggest({ text: 'The summit was held in Riyadh, and Ankara expects an answer.' });
    expect(quotes(out, 'actor')).toEqual(['Ankara']);
  });

  it('does not take a quoted phrase inside the writer’s sentence for a claim', () => {
    const out = suggest({ text: 'Last year, the U.S. extended the “Caesar Act,” which imposes sanctions.' });
    expect(quotes(out, 'claim')).toEqual([]);
  });

  it('finds a clause before ", X said" and coordinated speakers', () => {
    const out = suggest({
      text: 'Kenya and Ethiopia said they would send observers if the mission remains blocked.',
    });
    const claim = 'they would send observers if the mission remains blocked';
    expect(links(out, 'says')).toEqual([
      ['Kenya', claim],
      ['Ethiopia', claim],
    ]);
  });
});

describe('suggest with actors known to the workspace', () => {
  it('finds their names and aliases as whole words, ignoring case', () => {
    const text = 'ankara and the Kremlin met; Kremlinology is a different thing.';
    const out = suggest({
      text,
      knownActors: [
        { name: 'Russia', aliases: ['Kremlin'] },
        { name: 'Ankara', aliases: [] },
      ],
    });
    const known = out.spans.filter((s) => s.reason.startsWith('known actor'));
    expect(known.map((s) => s.quote)).toEqual(['ankara', 'Kremlin']);
    expect(known[1]!.reason).toBe("known actor 'Russia' as 'Kremlin'");
  });

  it('treats names that look like object members and regex syntax as plain text', () => {
    const text = 'constructor said that toString (axkxa __proto__) would come, a.k.a. the host.';
    const knownActors = [{ name: 'constructor', aliases: ['__proto__', 'a.k.a.'] }];
    const out = suggest({ text, knownActors });
    const known = out.spans.filter((s) => s.reason.startsWith('known actor'));
    expect(known.map((s) => s.quote)).toEqual(['constructor', '__proto__', 'a.k.a.']);
  });
});

describe('suggest outside English', () => {
  it('gives no suggestions for a text mostly in Arabic script', () => {
    const text =
      'قال وزير الخارجية إن المحادثات مع دمشق ستُستأنف إذا التزمت الحكومة. Damascus said that talks resume.';
    expect(suggest({ text })).toEqual({ language: 'unsupported', spans: [], relations: [] });
  });

  it('leaves an Arabic sentence alone inside an English text', () => {
    const text =
      'Ankara said that talks with the Syrian government would resume next month, after a long pause in the process. قال وزير الخارجية إن المحادثات مع دمشق ستُستأنف إذا التزمت الحكومة السورية.\nDamascus agreed.';
    const out = suggest({ text });
    expect(out.language).toBe('en');
    const arabicStart = text.indexOf('قال');
    const arabicEnd = text.indexOf('\n');
    expect(out.spans.some((s) => s.start < arabicEnd && s.end > arabicStart)).toBe(false);
  });
});
