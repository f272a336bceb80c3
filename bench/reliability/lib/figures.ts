// What a reliability campaign reports (bench/reliability, Node only): counts that say how much was tried,
// figures that must be zero (the six every campaign states, plus its own), controls that must be caught, and
// a few examples of each failure so a red line can be acted on without re-running the campaign.

/** The figures every campaign prints; each must be zero for the run to pass. */
export const STANDARD_ZERO_FIGURES = [
  'lost',
  'crashed',
  'partial',
  'executed',
  'overwritten',
  'unhandled',
] as const;

export type StandardFigure = (typeof STANDARD_ZERO_FIGURES)[number];

/** A check that must fail on purpose (a naive writer must lose data), proving the campaign can see a failure. */
export interface Control {
  name: string;
  caught: boolean;
  detail: string;
}

export interface CampaignResult {
  name: string;
  /** How much was tried: kills, payloads, variants… (informational). */
  counts: Record<string, number | string>;
  /** Every figure here must be zero: the standard six and the campaign's own (undetected, unclear…). */
  zero: Record<string, number>;
  controls: Control[];
  /** Up to a few examples per failing figure, written for people. */
  findings: Record<string, string[]>;
  /** Failures per figure by kind (the attack or damage that caused them), where the campaign names one. */
  breakdown: Record<string, Record<string, number>>;
  /** The first example of each kind of failure (JSON only), so every kind can be acted on. */
  kindExamples: Record<string, Record<string, string>>;
  /** Up to a few examples of counts worth a look that are not failures (e.g. a change applied despite an error). */
  observations: Record<string, string[]>;
  seconds: number;
}

const MAX_EXAMPLES = 5;

function keepExample(into: Record<string, string[]>, name: string, example: string): void {
  const examples = (into[name] ??= []);
  if (examples.length < MAX_EXAMPLES)
    examples.push(example.length > 400 ? `${example.slice(0, 400)}…` : example);
}

/** Collects figures and examples while a campaign runs. */
export class Tally {
  readonly counts: Record<string, number | string> = {};
  readonly zero: Record<string, number>;
  readonly controls: Control[] = [];
  readonly findings: Record<string, string[]> = {};
  readonly breakdown: Record<string, Record<string, number>> = {};
  readonly kindExamples: Record<string, Record<string, string>> = {};
  readonly observations: Record<string, string[]> = {};

  constructor(extraZeroFigures: readonly string[] = []) {
    this.zero = Object.fromEntries([...STANDARD_ZERO_FIGURES, ...extraZeroFigures].map((name) => [name, 0]));
  }

  /** Adds one to a count (created at zero). */
  count(name: string, by = 1): void {
    const current = this.counts[name];
    this.counts[name] = (typeof current === 'number' ? current : 0) + by;
  }

  /** Counts something worth a look that is not a failure, keeping a few examples. */
  observe(name: string, example: string): void {
    this.count(name);
    keepExample(this.observations, name, example);
  }

  /** Records a failure of a must-be-zero figure, with an example of what went wrong. */
  fail(figure: string, example: string, kind?: string): void {
    if (!Object.hasOwn(this.zero, figure)) throw new Error(`"${figure}" is not a figure of this campaign`);
    this.zero[figure] = (this.zero[figure] ?? 0) + 1;
    keepExample(this.findings, figure, example);
    if (kind !== undefined) {
      const kinds = (this.breakdown[figure] ??= {});
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const examples = (this.kindExamples[figure] ??= {});
      examples[kind] ??= example.length > 400 ? `${example.slice(0, 400)}…` : example;
    }
  }

  /** Fails `figure` unless `ok`; returns `ok` so callers can branch on it. */
  expect(ok: boolean, figure: string, example: () => string, kind?: string): boolean {
    if (!ok) this.fail(figure, example(), kind);
    return ok;
  }

  result(name: string, seconds: number): CampaignResult {
    return {
      name,
      counts: { ...this.counts },
      zero: { ...this.zero },
      controls: [...this.controls],
      findings: { ...this.findings },
      breakdown: { ...this.breakdown },
      kindExamples: { ...this.kindExamples },
      observations: { ...this.observations },
      seconds,
    };
  }
}

/** Why a campaign's result fails the run: a non-zero figure or a control that was not caught. */
export function violations(result: CampaignResult): string[] {
  const figures = Object.entries(result.zero)
    .filter(([, value]) => value !== 0)
    .map(([name, value]) => `${name}=${value}`);
  const controls = result.controls.filter((c) => !c.caught).map((c) => `control "${c.name}" not caught`);
  return [...figures, ...controls];
}

/** One line per campaign: name, counts, the must-be-zero figures, controls and duration. */
export function formatLine(result: CampaignResult, nameWidth = 18): string {
  const counts = Object.entries(result.counts).map(([key, value]) => `${key}=${value}`);
  const zero = Object.entries(result.zero).map(([key, value]) => `${key}=${value}`);
  const controls = result.controls.map((c) => `control ${c.name}: ${c.caught ? 'caught' : 'NOT CAUGHT'}`);
  const verdict = violations(result).length === 0 ? 'ok  ' : 'FAIL';
  const parts = [counts.join(' '), zero.join(' '), ...controls, `${result.seconds.toFixed(1)} s`];
  return `${verdict} ${result.name.padEnd(nameWidth)} ${parts.filter((p) => p !== '').join(' | ')}`;
}
