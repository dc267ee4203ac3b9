/**
 * The first overview's maps as one sprite, made at build time (src/prerender): every map of
 * every drawn column at its native resolution, as the look-up-table index MapPainter's
 * paintValues picks for each value (paintIndices, same arithmetic), one byte a pixel; the
 * page colours them through the same scheme tables (src/lib/colour/lut.ts), so the snapshot
 * shown before the app's code runs has the very pixels the app will paint. Pure: no DOM.
 */
import type { OverviewColumn } from '../lib/overview/columns';
import type { TensorData } from '../lib/tensor/types';
import type { Domain } from '../lib/colour/ranges';
import type { SchemeName } from '../lib/colour/lut';
import { paintIndices } from '../lib/colour/paint';

/** Where one map sits in the sprite (pixels), with the scheme its indices are into. */
export interface SpriteMap {
  layerId: string;
  channel: number;
  x: number;
  y: number;
  cols: number;
  rows: number;
  scheme: SchemeName;
  /** Cells with a value; the rest of a strip's grid is MapPainter's empty pixel. */
  count: number;
}

export interface Sprite {
  width: number;
  height: number;
  /** One LUT index a pixel, row-major (a grayscale image). */
  indices: Uint8Array;
  maps: SpriteMap[];
}

/** The pixel the painter leaves past the end of a strip's last row (MapPainter's EMPTY_PIXEL). */
export const EMPTY_RGBA = [246, 247, 250, 255] as const;

/** Columns whose maps are canvas pixels (units are coloured elements, output is text). */
export const paintedColumns = (columns: readonly OverviewColumn[]): OverviewColumn[] =>
  columns.filter((c) => c.kind === 'maps' || c.kind === 'strip');

/**
 * Packs the maps: one row of the sprite per column, its channels side by side (a strip has
 * one map), in column order. Returns the rectangles (scheme and count still to fill) and the size.
 */
export function packMaps(
  columns: readonly OverviewColumn[],
  channelsOf: (c: OverviewColumn) => number,
): { width: number; height: number; maps: SpriteMap[] } {
  const maps: SpriteMap[] = [];
  let y = 0;
  let width = 1;
  for (const c of paintedColumns(columns)) {
    const n = c.kind === 'strip' ? 1 : channelsOf(c);
    const { rows, cols } = c.grid;
    for (let ch = 0; ch < n; ch++)
      maps.push({ layerId: c.id, channel: ch, x: ch * cols, y, cols, rows, scheme: 'grey', count: 0 });
    width = Math.max(width, n * cols);
    y += rows;
  }
  return { width, height: Math.max(1, y), maps };
}

/**
 * Indexes every map as MapPainter.paintColumn paints it into its scratch canvas: one channel
 * of the channels-last data (a strip: the whole vector) through its domain. A map without
 * data or domain is left out.
 */
export function paintSprite(
  columns: readonly OverviewColumn[],
  activations: ReadonlyMap<string, TensorData>,
  domains: ReadonlyMap<string, readonly Domain[]>,
): Sprite {
  const channelsOf = (c: OverviewColumn): number => {
    const t = activations.get(c.id);
    return t ? (t.shape[t.shape.length - 1] ?? 1) : 0;
  };
  const { width, height, maps } = packMaps(columns, channelsOf);
  const indices = new Uint8Array(width * height);
  const kinds = new Map(columns.map((c) => [c.id, c.kind]));
  const kept: SpriteMap[] = [];
  for (const m of maps) {
    const tensor = activations.get(m.layerId);
    const strip = kinds.get(m.layerId) === 'strip';
    const domain = domains.get(m.layerId)?.[strip ? 0 : m.channel];
    if (!tensor || !domain) continue;
    const channels = strip ? 1 : (tensor.shape[tensor.shape.length - 1] ?? 1);
    const count = Math.min(m.cols * m.rows, Math.floor(tensor.data.length / channels));
    const out = new Uint8Array(count);
    paintIndices(tensor.data, strip ? 0 : m.channel, channels, count, domain, out);
    for (let i = 0; i < count; i++)
      indices[(m.y + Math.floor(i / m.cols)) * width + m.x + (i % m.cols)] = out[i]!;
    kept.push({ ...m, scheme: domain.scheme, count });
  }
  return { width, height, indices, maps: kept };
}
