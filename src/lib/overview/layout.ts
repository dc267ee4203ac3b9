/**
 * Where everything in the overview goes, in CSS pixels, computed once per network and
 * size: column x positions, every visible neuron's box, "+N more" rows and block bands.
 * The view positions elements from this and draws edges from it without measuring the DOM.
 */
import type { OverviewColumn } from './columns';

export interface LayoutOptions {
  /** Display size of a map's longer side. */
  box: number;
  rowGap: number;
  /** Space between columns, where edges and kernel glyphs go. */
  columnGap: number;
  /** Neurons a column shows before a "+N more" control. */
  maxVisible: number;
  /** Columns the user expanded to show every neuron. */
  expanded: ReadonlySet<string>;
  headerHeight: number;
  blockLabelHeight: number;
  /** The lane above the headers where a branching net's skip arcs run; 0 for a chain. */
  flowHeight: number;
  moreHeight: number;
  legendHeight: number;
  unitSize: number;
  stripWidth: number;
  outputWidth: number;
  outputRowHeight: number;
  /** Output rows shown before the rest are folded (for nets with many classes). */
  maxOutputRows: number;
  /** Narrow columns (strips, units) still get this much room, so their headers fit. */
  minSlot: number;
  padding: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  box: 48,
  rowGap: 6,
  columnGap: 38,
  maxVisible: 10,
  expanded: new Set(),
  headerHeight: 44,
  blockLabelHeight: 18,
  flowHeight: 0,
  moreHeight: 28,
  legendHeight: 30,
  unitSize: 14,
  stripWidth: 18,
  outputWidth: 210,
  outputRowHeight: 26,
  maxOutputRows: 20,
  minSlot: 40,
  padding: 8,
};

export interface NeuronBox {
  channel: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ColumnLayout {
  column: OverviewColumn;
  /** Left edge and width of the column's content (its maps). */
  x: number;
  width: number;
  /** The room the column takes, at least `minSlot` wide, with the content centred in it. */
  slotX: number;
  slotWidth: number;
  neurons: NeuronBox[];
  /** Neurons not shown; the "+N more" control sits at `moreY` when there are any (or when expanded). */
  hidden: number;
  expanded: boolean;
  moreY: number | null;
}

export interface BlockBand {
  block: number;
  x0: number;
  x1: number;
}

export interface OverviewLayout {
  columns: ColumnLayout[];
  byId: Map<string, ColumnLayout>;
  blocks: BlockBand[];
  width: number;
  height: number;
  /** Top of the flow lane (its height is the option's `flowHeight`). */
  flowY: number;
  headerY: number;
  neuronsTop: number;
  /** Height of the collapsed columns' area; expanded columns may run further down. */
  baseHeight: number;
  legendY: number;
}

function columnWidth(c: OverviewColumn, o: LayoutOptions): number {
  if (c.kind === 'maps')
    return c.grid.cols >= c.grid.rows ? o.box : Math.max(4, Math.round((o.box * c.grid.cols) / c.grid.rows));
  if (c.kind === 'units') return o.unitSize;
  if (c.kind === 'strip') return o.stripWidth;
  if (c.kind === 'output') return o.outputWidth;
  return o.stripWidth;
}

/** Neuron height and row pitch of a column. */
function rowSize(c: OverviewColumn, o: LayoutOptions): { h: number; pitch: number } {
  if (c.kind === 'maps') {
    const h =
      c.grid.rows >= c.grid.cols ? o.box : Math.max(4, Math.round((o.box * c.grid.rows) / c.grid.cols));
    return { h, pitch: h + o.rowGap };
  }
  if (c.kind === 'units') return { h: o.unitSize, pitch: o.unitSize + 3 };
  if (c.kind === 'output') return { h: o.outputRowHeight - 4, pitch: o.outputRowHeight };
  return { h: 0, pitch: 0 };
}

function visibleCount(c: OverviewColumn, o: LayoutOptions, expanded: boolean): number {
  if (c.kind === 'strip' || c.kind === 'hidden') return 1;
  if (expanded) return c.neurons;
  if (c.kind === 'output') return c.neurons <= o.maxOutputRows ? c.neurons : o.maxVisible;
  if (c.kind === 'units') return Math.min(c.neurons, o.maxVisible * 2);
  return Math.min(c.neurons, o.maxVisible);
}

export function layoutOverview(columns: readonly OverviewColumn[], o: LayoutOptions): OverviewLayout {
  const flowY = o.padding + o.blockLabelHeight;
  const headerY = flowY + o.flowHeight;
  const neuronsTop = headerY + o.headerHeight + 8;
  const stacks = columns.map((c) => {
    const expanded = o.expanded.has(c.id);
    const shown = visibleCount(c, o, expanded);
    const { h, pitch } = rowSize(c, o);
    const hidden = c.neurons - shown;
    const stackH = shown > 0 ? (shown - 1) * pitch + h : 0;
    return { c, expanded, shown, h, pitch, hidden, stackH, hasMore: hidden > 0 || expanded };
  });
  const collapsed = stacks.filter((s) => !s.expanded && s.c.kind !== 'strip' && s.c.kind !== 'hidden');
  const baseHeight = Math.max(o.box, ...collapsed.map((s) => s.stackH));
  let x = o.padding + o.columnGap / 2;
  let bottom = neuronsTop + baseHeight;
  const laid: ColumnLayout[] = stacks.map((s) => {
    const width = columnWidth(s.c, o);
    const slotWidth = Math.max(width, o.minSlot);
    const slotX = x;
    const cx = x + (slotWidth - width) / 2;
    x += slotWidth + o.columnGap;
    const neurons: NeuronBox[] = [];
    if (s.c.kind === 'strip' || s.c.kind === 'hidden') {
      neurons.push({ channel: 0, x: cx, y: neuronsTop, w: width, h: baseHeight });
    } else {
      const top = neuronsTop + Math.max(0, (baseHeight - s.stackH) / 2);
      for (let i = 0; i < s.shown; i++)
        neurons.push({ channel: i, x: cx, y: top + i * s.pitch, w: width, h: s.h });
    }
    const lastBox = neurons[neurons.length - 1];
    const stackBottom = lastBox ? lastBox.y + lastBox.h : neuronsTop;
    const moreY = s.hasMore ? stackBottom + 6 : null;
    bottom = Math.max(bottom, moreY === null ? stackBottom : moreY + o.moreHeight);
    return {
      column: s.c,
      x: cx,
      width,
      slotX,
      slotWidth,
      neurons,
      hidden: s.hidden,
      expanded: s.expanded,
      moreY,
    };
  });
  const legendY = bottom + 10;
  const blocks: BlockBand[] = [];
  for (const l of laid) {
    const band = blocks[blocks.length - 1];
    const x0 = l.slotX - o.columnGap / 2 + 3;
    const x1 = l.slotX + l.slotWidth + o.columnGap / 2 - 3;
    if (band && band.block === l.column.block) band.x1 = x1;
    else blocks.push({ block: l.column.block, x0, x1 });
  }
  return {
    columns: laid,
    byId: new Map(laid.map((l) => [l.column.id, l])),
    blocks,
    width: x - o.columnGap / 2 + o.padding,
    height: legendY + o.legendHeight + o.padding,
    flowY,
    headerY,
    neuronsTop,
    baseHeight,
    legendY,
  };
}

/** The neuron box showing a channel, if that channel is visible. */
export function neuronBox(layout: OverviewLayout, layerId: string, channel: number): NeuronBox | undefined {
  const col = layout.byId.get(layerId);
  if (!col) return undefined;
  if (col.column.kind === 'strip' || col.column.kind === 'hidden') return col.neurons[0];
  return col.neurons[channel];
}

/** Room around a column's box for what is drawn just outside its parts: focus rings and outlines. */
export const COLUMN_BOX_MARGIN = 4;

/**
 * The box that holds one column's header, maps and "+N more" control: its slot and half the
 * gap on either side, from the header down to the legends, with a margin for focus rings. The
 * view contains each column in it (CSS containment), so a column mounted or changed does not
 * make the browser lay out or paint the others.
 */
export function columnBox(
  layout: OverviewLayout,
  col: ColumnLayout,
  gap: number,
): { x: number; y: number; w: number; h: number } {
  const m = COLUMN_BOX_MARGIN;
  const x = col.slotX - gap / 2 - m;
  const y = layout.headerY - m;
  return { x, y, w: col.slotWidth + gap + 2 * m, h: layout.legendY - y };
}
