/**
 * The overview's size for the room it has. The map size lets the tallest folded column fit
 * the window below the overview's top, within readable bounds: big screens get bigger maps,
 * small ones scroll. When the columns are then wider than the overview's frame (a laptop with
 * the editor open), a compact layout narrows the gaps, the output column and the headers so
 * the whole net, prediction included, still fits. Narrower still (a tablet), a tight layout
 * (thin gaps, the maps as big as the height allows in what the gap leaves, a narrower output
 * column, shapes on two lines) fits a small net down to MIN_TIGHT_PITCH; a net too deep for even
 * that scrolls at the compact pitch.
 */
import type { OverviewColumn } from '../../lib/overview/columns';
import { layoutOverview, type LayoutOptions } from '../../lib/overview/layout';

export const MIN_BOX = 26;
export const MAX_BOX = 84;
/** Compact layout: the narrowest gap (kernel glyphs and edges still fit) and output column. */
const MIN_GAP = 20;
export const COMPACT_OUTPUT_WIDTH = 132;
/** The widest a compact output column grows for long class names (OutputColumn stays compact below 170). */
export const COMPACT_OUTPUT_MAX = 168;
/** A compact output row around its name: padding (2 × 2), the gap (6) and the widest value ("100.0%", 42). */
const OUTPUT_ROW_CHROME = 4 + 6 + 42;

/**
 * The compact output column's width for class names whose widest is `nameWidth` px (in the
 * compact row's bold type): room for the whole name beside its value, between the usual
 * width and COMPACT_OUTPUT_MAX.
 */
export function compactOutputWidth(nameWidth: number): number {
  return Math.min(
    COMPACT_OUTPUT_MAX,
    Math.max(COMPACT_OUTPUT_WIDTH, Math.ceil(nameWidth + OUTPUT_ROW_CHROME)),
  );
}
/**
 * Column pitch under which a compact header's lines (a wrapped name, a shape such as
 * "62×62×10" at the compact font) no longer fit; below it the overview scrolls instead.
 */
export const MIN_COMPACT_PITCH = 58;
/** Tight layout: the narrowest gap, the output column, and the narrowest column pitch. */
const TIGHT_MIN_GAP = 12;
export const TIGHT_OUTPUT_WIDTH = 100;
export const MIN_TIGHT_PITCH = 34;

export function fitBox(
  columns: readonly OverviewColumn[],
  top: number,
  viewportHeight: number,
  o: LayoutOptions,
): number {
  const maps = columns.filter((c) => c.kind === 'maps');
  const rows = Math.max(1, ...maps.map((c) => Math.min(c.neurons, o.maxVisible)));
  const folded = maps.some((c) => c.neurons > o.maxVisible) ? o.moreHeight + 6 : 0;
  const chrome =
    o.padding * 2 + o.blockLabelHeight + o.flowHeight + o.headerHeight + 8 + 10 + o.legendHeight + 8 + folded;
  const available = viewportHeight - Math.max(0, top) - chrome;
  return Math.max(MIN_BOX, Math.min(MAX_BOX, Math.floor(available / rows) - o.rowGap));
}

export interface OverviewFit {
  box: number;
  columnGap: number;
  minSlot: number;
  outputWidth: number;
  /** Headers in the compact style (smaller type, names wrapped, no parameter line). */
  compact: boolean;
}

/** A compact fit narrower than MIN_COMPACT_PITCH: its headers wrap the shape too (ColumnHeader). */
export const isTight = (fit: OverviewFit): boolean =>
  fit.compact && fit.minSlot + fit.columnGap < MIN_COMPACT_PITCH;

/**
 * Fits the overview into `width` × the window below `top`: the map size from the height, then,
 * if the natural layout is wider than `width`, one pitch for every column (map and gap) that
 * fills the width, no narrower than MIN_COMPACT_PITCH; failing that, the tight layout's pitch,
 * no narrower than MIN_TIGHT_PITCH; failing that too, the compact layout at its narrowest.
 */
export function fitOverview(
  columns: readonly OverviewColumn[],
  space: { width: number; top: number; viewportHeight: number },
  o: LayoutOptions,
  /** The widest class name in the compact output row's type: a wider output column where the width allows. */
  outputNameWidth = 0,
): OverviewFit {
  const box = fitBox(columns, space.top, space.viewportHeight, o);
  const natural: OverviewFit = {
    box,
    columnGap: o.columnGap,
    minSlot: o.minSlot,
    outputWidth: o.outputWidth,
    compact: false,
  };
  if (layoutOverview(columns, { ...o, ...natural }).width <= space.width) return natural;
  // Long class names: the output column as wide as they ask, or as near it as the maps allow
  // at the compact pitch.
  for (let output = compactOutputWidth(outputNameWidth); output > COMPACT_OUTPUT_WIDTH; output -= 4) {
    const wide = pitchFit(columns, space.width, o, {
      box,
      minGap: MIN_GAP,
      output,
      minPitch: MIN_COMPACT_PITCH,
      maxPitch: Infinity,
    });
    if (wide.fits) return wide.fit;
  }
  const compact = pitchFit(columns, space.width, o, {
    box,
    minGap: MIN_GAP,
    output: COMPACT_OUTPUT_WIDTH,
    minPitch: MIN_COMPACT_PITCH,
    maxPitch: Infinity,
  });
  if (compact.fits) return compact.fit;
  // The tight layout's maps grow with the height too, into the gap down to TIGHT_MIN_GAP.
  const tight = pitchFit(columns, space.width, o, {
    box,
    minGap: TIGHT_MIN_GAP,
    output: TIGHT_OUTPUT_WIDTH,
    minPitch: MIN_TIGHT_PITCH,
    maxPitch: MIN_COMPACT_PITCH - 1,
  });
  return tight.fits ? tight.fit : compact.fit;
}

/**
 * The widest pitch (map and gap) of a compact layout that fits `width`, from `maxPitch` down to
 * `minPitch` (at which it is left when nothing fits).
 */
function pitchFit(
  columns: readonly OverviewColumn[],
  width: number,
  o: LayoutOptions,
  c: { box: number; minGap: number; output: number; minPitch: number; maxPitch: number },
): { fit: OverviewFit; fits: boolean } {
  const others = columns.filter((col) => col.kind !== 'output').length;
  const outputs = columns.length - others;
  const output = outputs > 0 ? c.output : 0;
  // width = 2·padding + others·pitch + outputs·(output + gap): the widest pitch that fits.
  const gapFor = (pitch: number): number => Math.max(c.minGap, Math.min(o.columnGap, pitch - c.box));
  const widthAt = (pitch: number): number =>
    2 * o.padding + others * pitch + outputs * (output + gapFor(pitch));
  let pitch = Math.min(
    c.maxPitch,
    Math.floor((width - 2 * o.padding - outputs * (output + c.minGap)) / Math.max(1, others)),
  );
  while (pitch > c.minPitch && widthAt(pitch) > width) pitch--;
  pitch = Math.max(c.minPitch, pitch);
  const columnGap = gapFor(pitch);
  const slot = pitch - columnGap;
  return {
    fit: {
      box: Math.min(c.box, slot),
      columnGap,
      minSlot: slot,
      outputWidth: output || o.outputWidth,
      compact: true,
    },
    fits: widthAt(pitch) <= width,
  };
}
