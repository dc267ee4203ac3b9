/** Number formats shared by every view and both languages (digits stay ASCII in Chinese too). */
import { format } from 'd3-format';

const grouped = format(',');
const compact = format('.3~s');
const pct = format('.1%');
const fixed3 = format('.3f');

export function formatCount(n: number): string {
  return grouped(n);
}

/** 1.23M, 456k: for big counts in tight places. Uses G for 10⁹, not the SI "giga" name. */
export function formatCompact(n: number): string {
  return compact(n).replace('G', 'B');
}

export function formatPercent(p: number): string {
  return pct(p);
}

/**
 * A relative change (‖a′ − a‖ / ‖a‖) as a percentage with one decimal, so a list of them lines
 * up ("43.0%", not "0.43" under "0.435"); a change too small to show is "<0.1%", not "0.0%".
 */
export function formatRelative(r: number): string {
  if (!Number.isFinite(r)) return String(r);
  return r > 0 && r < 0.0005 ? '<0.1%' : pct(r);
}

/**
 * A change of probability (B − A) in percentage points, signed: "+3.7%", "−89.0%"; one too
 * small to show is "0.0%", with no sign (not "−0.0%").
 */
export function formatChange(d: number): string {
  if (!Number.isFinite(d)) return String(d);
  const text = pct(Math.abs(d));
  if (text === pct(0)) return text;
  return `${d < 0 ? '−' : '+'}${text}`;
}

export function formatValue(v: number): string {
  return Number.isFinite(v) ? fixed3(v) : String(v);
}

export function formatShape(shape: readonly number[]): string {
  return shape.join(' × ');
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB'];

/** 79.7 kB, 2.41 MB: decimal units, the same in both languages. */
export function formatBytes(n: number): string {
  let unit = 0;
  while (n >= 1000 && unit < BYTE_UNITS.length - 1) {
    n /= 1000;
    unit++;
  }
  return `${unit === 0 ? n : format('.3~r')(n)} ${BYTE_UNITS[unit]}`;
}
