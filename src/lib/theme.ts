/**
 * The design tokens: every colour and size the views use, in one place. `src/app.css`
 * declares the same set as CSS custom properties on `:root` (a colour `inkSoft` is
 * `--ink-soft`, a size `space[3]` is `--space-3`), and components use `var(--…)`;
 * tests/theme.test.ts fails when the two differ. JavaScript reads this module where CSS
 * cannot reach: canvas painting, colour scales and SVG files that must stand alone.
 */

/** Colours by role. Near-identical shades are one token; a new shade needs a new role. */
export const colour = {
  /** Text and strong strokes. */
  ink: '#1f2430',
  /** Secondary text on white or panel. */
  inkSoft: '#3b4253',
  /** Hairline frames that must stand out on any map colour (the current cell, a window). */
  frame: '#111111',
  /** Labels and hints. */
  muted: '#5d6577',
  /** A stronger grey for lines that are hovered. */
  mutedLine: '#6b7487',
  /** Node outlines, arrowheads, uncategorised layers. */
  faint: '#8a94a6',
  /** Disabled text, matrix brackets, neutral bars. */
  subtle: '#9aa4b8',
  /** Graph edges. */
  edge: '#a3abba',
  /** Borders on hover and dashed drop zones. */
  lineStrong: '#b9c0cc',
  /** Borders of controls and cards. */
  lineMid: '#c5cbd6',
  /** Dividers and frames. */
  line: '#d9dde5',
  /** Row rules, bar tracks, quiet fills. */
  lineSoft: '#eef0f4',
  /** Panels and the graph's ground. */
  panel: '#f6f7fa',
  /** The page and every card on it. */
  surface: '#ffffff',

  accent: '#2f6fde',
  /** Text on an accent or ink fill. */
  onAccent: '#ffffff',
  /** A pressed or hovered accent button; accent text on a light accent ground. */
  accentStrong: '#2459b8',
  /** Text on an accent-tinted note. */
  accentInk: '#1d4fae',
  /** Overview edges and output bars. */
  accentMid: '#4f7fd9',
  /** The outline of a hovered neuron. */
  accentSoft: '#7fa6ea',
  /** Borders of accent-tinted notes. */
  accentLine: '#c6d6f7',
  /** Selected rows, current terms, info notes. */
  accentBg: '#eef3fd',
  /** A selected row that is also hovered. */
  accentBgStrong: '#e3ebfb',

  danger: '#b3261e',
  dangerLine: '#e5b4af',
  /** The hatching of cells that padding adds. */
  dangerMid: '#e4a29c',
  dangerBg: '#fdecea',

  warn: '#8a5a00',
  /** Warning text that sits on warn-bg for long. */
  warnStrong: '#6e4800',
  warnMid: '#e0b44c',
  warnLine: '#f1d58a',
  warnBg: '#fff4d6',
  /** The playground's highlighted cells. */
  highlight: '#ffd8a8',

  ok: '#1e7a46',
  okStrong: '#1b5e33',
  okLine: '#b7dfc3',
  okBg: '#e6f4ea',

  /** The top class. */
  top: '#e8590c',
  /** The top class colour dark enough for text (4.5:1 on white). */
  topInk: '#b4430a',
  /** The second stop of the logo's gradient (the first is the accent). */
  logo: '#7c4dff',

  /** Softmax terms: the ends of the diverging scale (d3's RdBu). */
  positive: '#d6604d',
  negative: '#4393c3',

  /** Input channels drawn as the light they carry: from this dark to the full channel colour. */
  channelDark: '#141418',
  channelRed: '#eb2828',
  channelGreen: '#28c846',
  channelBlue: '#326ef0',
} as const;

export type ColourToken = keyof typeof colour;

/** Gaps and padding, in px steps. */
export const space = {
  1: '2px',
  2: '4px',
  3: '6px',
  4: '8px',
  5: '10px',
  6: '12px',
  7: '16px',
  8: '28px',
} as const;

export const radius = {
  xs: '3px',
  sm: '4px',
  md: '6px',
  lg: '8px',
  xl: '10px',
  xxl: '12px',
  pill: '999px',
} as const;

/** Type sizes, smallest first. */
export const fontSize = {
  1: '0.68rem',
  2: '0.72rem',
  3: '0.75rem',
  4: '0.78rem',
  5: '0.8rem',
  6: '0.85rem',
  7: '0.9rem',
  8: '0.95rem',
  9: '1rem',
  10: '1.05rem',
  11: '1.1rem',
  12: '1.15rem',
} as const;

/** Font stacks. `math` needs an OpenType MATH table for large operators and stretchy brackets. */
export const font = {
  sans: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  math: "'Latin Modern Math', 'STIX Two Math', 'Cambria Math', 'DejaVu Math TeX Gyre', math",
} as const;

/** The colours of the paint pad's brushes, with their i18n keys. */
export const PAINT_COLOURS = [
  { css: colour.ink, name: 'input.paint.black' },
  { css: colour.surface, name: 'input.paint.white' },
  { css: '#d93025', name: 'input.paint.red' },
  { css: '#f29900', name: 'input.paint.orange' },
  { css: '#f6d21c', name: 'input.paint.yellow' },
  { css: '#1e8e3e', name: 'input.paint.green' },
  { css: '#1a73e8', name: 'input.paint.blue' },
  { css: '#8ab4f8', name: 'input.paint.sky' },
  { css: '#7b4a2b', name: 'input.paint.brown' },
  { css: '#9aa0a6', name: 'input.paint.grey' },
] as const;

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every token as the custom property `src/app.css` declares on `:root`, name → value. */
export function cssTokens(): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [name, value] of Object.entries(colour)) tokens.set(`--${kebab(name)}`, value);
  for (const [step, value] of Object.entries(space)) tokens.set(`--space-${step}`, value);
  for (const [step, value] of Object.entries(radius)) tokens.set(`--radius-${step}`, value);
  for (const [step, value] of Object.entries(fontSize)) tokens.set(`--font-size-${step}`, value);
  for (const [name, value] of Object.entries(font)) tokens.set(`--font-${name}`, value);
  return tokens;
}
