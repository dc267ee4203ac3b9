/**
 * A compact column header's layer name in lines: a name breaks only between its words (after
 * "_", "-", ".", "/", ":" or a space, and between CJK characters), never inside one. The type
 * steps down (NAME_SIZES_REM) until every header's name fits its column in at most two lines,
 * one size for the whole overview; a name too long even at the smallest size keeps its best
 * split and the view ends its lines with an ellipsis (the full name is in the header's title).
 * Widths are estimated, not measured, so the prerendered first screen (svelte/server) and the
 * app break the same names the same way: from the advances of DejaVu Sans Bold, the widest
 * of the fonts `--font-sans` resolves to, so a narrower font only leaves more room.
 */
import type { ColumnLayout } from './layout';

/** The name's type sizes in rem, largest first (0.62rem is the compact header's own size). */
export const NAME_SIZES_REM = [0.62, 0.58, 0.54, 0.5] as const;
const REM_PX = 16;

/** Advances of " " to "~" (ASCII 32–126) in DejaVu Sans Bold, in hundredths of an em. */
const ASCII_ADVANCE = [
  35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40,
  40, 84, 84, 84, 59, 100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86, 74, 86, 78, 73, 69,
  82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50, 50, 68, 72, 60, 72, 68, 44, 72, 72, 35, 35, 67, 35, 105, 72,
  69, 72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84,
];
/** CJK ideographs, kana, Hangul and full-width forms: a full em each, and a break either side. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** A header's width: its column's slot and half of each gap, less 1 px a side (ColumnHeader). */
export const headerWidth = (slotWidth: number, gap: number): number => slotWidth + gap - 2;

/** The estimated width of `text` in em (any other character as wide as a digit, plus a margin). */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 32 && code < 127 ? ASCII_ADVANCE[code - 32]! : WIDE.test(ch) ? 100 : 78;
  }
  return w / 100;
}

/** The name in its words: each piece ends where a line may break. */
export function namePieces(name: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of name) {
    if (WIDE.test(ch) && piece) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
    if (/[_\-./: ]/.test(ch) || WIDE.test(ch)) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export interface NameLines {
  /** The name's one or two lines: the name again, less a space where it breaks. */
  lines: string[];
  /** Whether every line fits the width (else the view ellipsises the ones that do not). */
  fits: boolean;
}

/**
 * The name on as few lines as fit `widthPx` at `sizePx`, two lines split where their wider one
 * is narrowest (balanced: "conv_ / 1_1" rather than "conv_1_ / 1").
 */
export function nameLines(name: string, widthPx: number, sizePx: number): NameLines {
  const room = widthPx / sizePx;
  if (textWidthEm(name) <= room) return { lines: [name], fits: true };
  const pieces = namePieces(name);
  let best: { lines: string[]; width: number } | null = null;
  for (let k = 1; k < pieces.length; k++) {
    const lines = [pieces.slice(0, k).join('').trimEnd(), pieces.slice(k).join('')];
    const width = Math.max(...lines.map(textWidthEm));
    if (!best || width < best.width) best = { lines, width };
  }
  if (!best) return { lines: [name], fits: false };
  return { lines: best.lines, fits: best.width <= room };
}

/**
 * The largest of NAME_SIZES_REM (in px) at which every header's name fits its width, or the
 * smallest: one size for all, so the headers read as a row.
 */
export function headerNameSize(headers: readonly { name: string; width: number }[]): number {
  for (const rem of NAME_SIZES_REM) {
    const px = rem * REM_PX;
    if (headers.every((h) => nameLines(h.name, h.width, px).fits)) return px;
  }
  return NAME_SIZES_REM[NAME_SIZES_REM.length - 1]! * REM_PX;
}

/** headerNameSize for an overview's laid-out columns and gap (NetworkOverview). */
export const columnsNameSize = (columns: readonly ColumnLayout[], gap: number): number =>
  headerNameSize(columns.map((c) => ({ name: c.column.id, width: headerWidth(c.slotWidth, gap) })));
