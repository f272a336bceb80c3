// The suggester's output as workbench suggestions: the analyst's own spans and rejections win, the schema
// decides which labels and links may be offered, and a link travels with both of its ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelSchema, LayerId } from '../model';
import { frameSchema } from '../model/test-support/frame-layer';
import { suggest } from './suggest';
import { machineSuggestions } from './to-suggestions';

const text =
  'Damascus insists that Turkey withdraw its forces as a precondition for a meeting between Assad and Erdogan.';
const output = suggest({ text });
const ctx = { spans: [], rejected: [], layer: 'dana', schema: frameSchema };
const keys = (all: { key: string }[]) => all.map((s) => s.key);

describe('machine suggestions for the workbench', () => {
  it('offers every proposed span with its reason, the links on both ends', () => {
    const found = machineSuggestions(output, ctx);
    expect(keys(found).sort()).toEqual(keys(output.spans).sort());
    const claim = found.find((s) => s.label === 'claim')!;
    const damascus = found.find((s) => s.quote === 'Damascus')!;
    expect(claim.reason).toContain('insists that');
    const says = { type: 'says', from: damascus.key, to: claim.key };
    expect(claim.relations).toContainEqual(says);
    expect(damascus.relations).toEqual([says]);
  });

  it('leaves out what the analyst tagged with that label, and keeps links to spans at the same offsets', () => {
    const damascus = output.spans.find((s) => s.quote === 'Damascus')!;
    const spans = [{ label: 'actor', start: damascus.start, end: damascus.end }];
    const found = machineSuggestions(output, { ...ctx, spans });
    expect(keys(found)).not.toContain(damascus.key);
    const claim = found.find((s) => s.label === 'claim')!;
    expect(claim.relations).toContainEqual({ type: 'says', from: damascus.key, to: claim.key });
  });

  it('leaves out rejected suggestions of this layer only', () => {
    const claim = output.spans.find((s) => s.label === 'claim')!;
    const rejected = [{ layer: 'dana' as LayerId, label: 'claim', start: claim.start, end: claim.end }];
    expect(keys(machineSuggestions(output, { ...ctx, rejected }))).not.toContain(claim.key);
    expect(keys(machineSuggestions(output, { ...ctx, rejected, layer: 'lee' }))).toContain(claim.key);
  });

  it('offers no label and no link the schema does not have', () => {
    const schema: LabelSchema = {
      labels: frameSchema.labels.filter((l) => l.id !== 'condition'),
      relationTypes: frameSchema.relationTypes.filter((r) => r.id !== 'says'),
    };
    const found = machineSuggestions(output, { ...ctx, schema });
    expect(found.some((s) => s.label === 'condition')).toBe(false);
    expect(found.flatMap((s) => s.relations ?? [])).toEqual([]);
  });

  it('never offers a span overlapping one of the analyst’s spans of the same label', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.constantFrom('actor', 'claim', 'condition'), fc.nat(text.length - 1), fc.nat(30))
            .map(([label, start, length]) => ({
              label,
              start,
              end: Math.min(text.length, start + length + 1),
            })),
          { maxLength: 6 },
        ),
        (spans) => {
          for (const s of machineSuggestions(output, { ...ctx, spans })) {
            const clash = spans.some((o) => o.label === s.label && o.start < s.end && s.start < o.end);
            expect(clash).toBe(false);
            for (const link of s.relations ?? []) expect([link.from, link.to]).toContain(s.key);
          }
        },
      ),
    );
  });
});
