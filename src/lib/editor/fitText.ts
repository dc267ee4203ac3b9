/**
 * One line of text cut to a width that is measured, not counted in characters: SVG text does
 * not wrap or clip by itself, and a character count misjudges wide glyphs ("DWConv2D", bold
 * names), so a node's name ran past its edge and its type into its shape.
 */

/** The width of `text`, in pixels (a canvas's measureText in the page, an estimate in Node). */
export type Measure = (text: string) => number;

/** Longer than this, a name is cut before it is measured: no node shows that much. */
const MAX_CHARS = 200;

/**
 * `text` if it fits `maxPx`, else its longest start that fits with an ellipsis after it.
 * Binary search over code points: O(log n) measurements of at most MAX_CHARS characters.
 */
export function fitText(text: string, maxPx: number, measure: Measure): string {
  const chars = Array.from(text.length > MAX_CHARS * 2 ? text.slice(0, MAX_CHARS * 2) : text).slice(
    0,
    MAX_CHARS,
  );
  const whole = chars.join('');
  if (whole === text && measure(text) <= maxPx) return text;
  let lo = 0;
  let hi = chars.length;
  // Invariant: a start of `lo` characters (plus the ellipsis) fits, or lo is 0.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
