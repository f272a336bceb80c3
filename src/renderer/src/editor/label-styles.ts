// Turns the label schema into CSS rules (src/renderer/editor): each label gets its colour AND a line style,
// so labels stay distinguishable without colour vision. Installed as a constructable stylesheet, which the
// strict CSP (style-src 'self', no inline styles) allows.
import type { LabelDef, LineStyle } from '@shared/model';
import { MAX_LEVEL } from './span-levels';

const LINE_WIDTH: Record<LineStyle, number> = { solid: 2, dashed: 2, dotted: 3, double: 4 };
/** Vertical gap between stacked underlines of nested spans. */
const LEVEL_STEP_PX = 5;

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function labelCss(labels: readonly LabelDef[]): string {
  const rules = labels.map((label) => {
    const width = LINE_WIDTH[label.lineStyle];
    return [
      `.tw-l-${label.id} { border-bottom: ${width}px ${label.lineStyle} ${label.color}; background-color: ${rgba(label.color, 0.13)}; }`,
      `.tw-chip-${label.id} { border-bottom: ${width}px ${label.lineStyle} ${label.color}; background-color: ${rgba(label.color, 0.18)}; }`,
      `.tw-swatch-${label.id} { background-color: ${label.color}; }`,
    ].join('\n');
  });
  for (let level = 0; level <= MAX_LEVEL; level++) {
    rules.push(`.tw-lv-${level} { padding-bottom: ${1 + level * LEVEL_STEP_PX}px; }`);
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
