// Turns the label schema into CSS rules (src/renderer/editor): every label gets its colour AND a line style
// per track, as CSS custom properties that compose, so one flat run element shows the lines of all the spans
// covering it. Installed as a constructable stylesheet, which the strict CSP (no inline styles) allows.
import type { LabelDef, LineStyle } from '@shared/model';
import { MAX_TRACK } from './annotation-plugin';

/** Vertical distance between the lines of two tracks. */
export const TRACK_STEP_PX = 5;

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The gradient that draws one line of a style, and its height. */
function line(style: LineStyle, color: string): { image: string; height: number } {
  switch (style) {
    case 'solid':
      return { image: `linear-gradient(${color}, ${color})`, height: 2 };
    case 'dashed':
      return { image: `repeating-linear-gradient(90deg, ${color} 0 7px, transparent 7px 11px)`, height: 2 };
    case 'dotted':
      return { image: `repeating-linear-gradient(90deg, ${color} 0 3px, transparent 3px 6px)`, height: 3 };
    case 'double':
      return { image: `linear-gradient(${color} 0 1px, transparent 1px 3px, ${color} 3px 4px)`, height: 4 };
  }
}

const tracks = Array.from({ length: MAX_TRACK + 1 }, (_, t) => t);

/** The static part: where each track's line sits, and the padding that makes room for the lines. */
function runRules(): string[] {
  const images = [
    ...tracks.map((t) => `var(--tw-u${t}, none)`),
    ...tracks.map((t) => `var(--tw-f${t}, none)`),
  ];
  const sizes = [...tracks.map((t) => `100% var(--tw-h${t}, 0px)`), ...tracks.map(() => '100% 100%')];
  const below = [...tracks.map((t) => `0 calc(100% - ${t * TRACK_STEP_PX}px)`), ...tracks.map(() => '0 0')];
  const above = [...tracks.map((t) => `0 ${t * TRACK_STEP_PX}px`), ...tracks.map(() => '0 0')];
  const rules = [
    `.tw-run { background-image: ${images.join(', ')}; background-size: ${sizes.join(', ')}; background-repeat: no-repeat; }`,
    `.tw-side-below { background-position: ${below.join(', ')}; }`,
    `.tw-side-above { background-position: ${above.join(', ')}; }`,
  ];
  for (const depth of [...tracks, MAX_TRACK + 1]) {
    const room = 1 + depth * TRACK_STEP_PX;
    rules.push(`.tw-side-below.tw-depth-${depth} { padding-bottom: ${room}px; }`);
    rules.push(`.tw-side-above.tw-depth-${depth} { padding-top: ${room}px; }`);
  }
  return rules;
}

export function labelCss(labels: readonly LabelDef[]): string {
  const rules = runRules();
  for (const label of labels) {
    const { image, height } = line(label.lineStyle, label.color);
    const tint = `linear-gradient(${rgba(label.color, 0.12)}, ${rgba(label.color, 0.12)})`;
    for (const t of tracks) {
      rules.push(
        `.tw-u${t}-${label.id} { --tw-u${t}: ${image}; --tw-h${t}: ${height}px; --tw-f${t}: ${tint}; }`,
      );
    }
    const chip = `border-bottom: ${height}px ${label.lineStyle} ${label.color}; background-color: ${rgba(label.color, 0.16)};`;
    rules.push(`.tw-chip-${label.id} { ${chip} }`);
    rules.push(`.tw-swatch-${label.id} { background-color: ${label.color}; }`);
  }
  return rules.join('\n');
}

let installed: CSSStyleSheet | null = null;

export function installLabelStyles(labels: readonly LabelDef[]): void {
  const sheet = installed ?? new CSSStyleSheet();
  sheet.replaceSync(labelCss(labels));
  if (installed === null) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    installed = sheet;
  }
}
