/** Numbers for tight places (legends, tooltips): 3 significant digits, a real minus sign. */
import { format } from 'd3-format';

/** `digits` significant digits (3 in tooltips, 2 in tight legends). */
export function shortNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4) return format(`.${digits}~s`)(v).replace('G', 'B');
  if (a >= 10 ** digits) return format('.0f')(v);
  if (a < 1e-3) return format('.1e')(v).replace('-', '−');
  return format(`.${digits}~g`)(v);
}
