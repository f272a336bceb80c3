// The campaign report: which results fail the run, and the one line each campaign prints.
import { describe, expect, it } from 'vitest';
import { formatLine, STANDARD_ZERO_FIGURES, Tally, violations } from './figures';

describe('a campaign result', () => {
  it('fails the run for every must-be-zero figure that is not zero, with an example', () => {
    const tally = new Tally(['undetected']);
    tally.fail('lost', 'span s1 is gone');
    tally.fail('undetected', 'a quote that is not the text');
    const result = tally.result('demo', 1);
    expect(violations(result)).toEqual(['lost=1', 'undetected=1']);
    expect(result.findings['lost']).toEqual(['span s1 is gone']);
  });

  it('fails the run when a control that must fail was not caught', () => {
    const tally = new Tally();
    tally.controls.push({ name: 'naive-writer', caught: false, detail: '0 of 10' });
    expect(violations(tally.result('demo', 1))).toEqual(['control "naive-writer" not caught']);
  });

  it('passes when every figure is zero and every control was caught', () => {
    const tally = new Tally();
    tally.count('kills', 3);
    tally.controls.push({ name: 'naive-writer', caught: true, detail: '1 of 3' });
    expect(violations(tally.result('demo', 1))).toEqual([]);
  });

  it('prints the six standard figures on every line, with counts and duration', () => {
    const tally = new Tally(['slow']);
    tally.count('files', 2);
    const line = formatLine(tally.result('malformed-imports', 12.34));
    for (const figure of [...STANDARD_ZERO_FIGURES, 'slow']) expect(line).toContain(`${figure}=0`);
    expect(line).toMatch(/^ok {3}malformed-imports .*files=2.*12\.3 s$/);
  });

  it('counts failures by the kind the campaign names', () => {
    const tally = new Tally(['unclear']);
    tally.fail('unclear', 'm1.txt', '.txt: a NUL byte');
    tally.fail('unclear', 'm2.txt', '.txt: a NUL byte');
    tally.expect(false, 'unclear', () => 'm3.md', '.md: cut');
    expect(tally.result('demo', 1).breakdown).toEqual({ unclear: { '.txt: a NUL byte': 2, '.md: cut': 1 } });
  });

  it('refuses a figure the campaign did not declare, so a typo cannot hide a failure', () => {
    expect(() => new Tally().fail('lots', 'x')).toThrow(/not a figure/);
  });
});
