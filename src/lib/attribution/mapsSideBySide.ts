/**
 * Compare's maps side by side: one layer of A and one of B, every channel a tile of one
 * picture, both on one colour scale, and B − A on a scale centred on 0 when the two layers
 * have the same shape. Which layers have maps to show, which one to start on, how the tiles
 * are laid out (and how many of a wide layer's channels are drawn), the shared ranges, and
 * the painting through the overview's colour tables: plain arrays in, plain arrays out.
 */
import type { TensorData } from '../tensor/types';
import { LUT_SIZE, type Lut } from '../colour/lut';
import type { Domain } from '../colour/ranges';

/** A layer whose output is maps: [height, width, channels], more than one pixel a map. */
export interface MapLayer {
  id: string;
  height: number;
  width: number;
  channels: number;
}

/** The layers of an explanation with spatial maps, in its order, leaving out `skip` (its inputs). */
export function spatialLayers(
  activations: ReadonlyMap<string, TensorData>,
  skip: ReadonlySet<string> = new Set(),
): MapLayer[] {
  const out: MapLayer[] = [];
  for (const [id, t] of activations) {
    if (skip.has(id) || t.shape.length !== 3) continue;
    const [height = 0, width = 0, channels = 0] = t.shape;
    if (height * width > 1 && channels > 0) out.push({ id, height, width, channels });
  }
  return out;
}

/** Same id, same shape: B − A can be drawn. */
export function sameShape(a: MapLayer | undefined, b: MapLayer | undefined): boolean {
  return !!a && !!b && a.height === b.height && a.width === b.width && a.channels === b.channels;
}

export interface LayerChoice {
  a: string | null;
  b: string | null;
}

/**
 * Where the maps start: the layer that changed most (`changed`, ids largest change first) that
 * has maps of the same shape in both; else the last such layer; else (nets of another shape)
 * B's last layer with maps on both sides when A has it too, or each net's own last layer.
 */
export function defaultLayers(
  a: readonly MapLayer[],
  b: readonly MapLayer[],
  changed: readonly string[] = [],
): LayerChoice {
  const inA = new Map(a.map((l) => [l.id, l]));
  const comparable = b.filter((l) => sameShape(inA.get(l.id), l)).map((l) => l.id);
  const top = changed.find((id) => comparable.includes(id));
  if (top) return { a: top, b: top };
  const lastShared = comparable.at(-1);
  if (lastShared) return { a: lastShared, b: lastShared };
  const lastB = b.at(-1)?.id ?? null;
  if (lastB && inA.has(lastB)) return { a: lastB, b: lastB };
  return { a: a.at(-1)?.id ?? null, b: lastB };
}

/** How a layer's channels are laid out as tiles of one picture, in the picture's own pixels. */
export interface TileGrid {
  height: number;
  width: number;
  /** The layer's channels, and how many of them (the first) are drawn. */
  channels: number;
  shown: number;
  cols: number;
  rows: number;
  /** Pixels between tiles. */
  gap: number;
  /** The picture's size. */
  pixelWidth: number;
  pixelHeight: number;
}

export interface GridLimits {
  /** Channels drawn at most. */
  maxChannels?: number;
  /** Values drawn at most (fewer tiles of big maps, so they stay large enough to see and quick to paint). */
  maxValues?: number;
}

export function tileGrid(layer: MapLayer, limits: GridLimits = {}): TileGrid {
  const { height, width, channels } = layer;
  const maxChannels = limits.maxChannels ?? 64;
  const maxValues = limits.maxValues ?? 1 << 18;
  const shown = Math.max(1, Math.min(channels, maxChannels, Math.floor(maxValues / (height * width))));
  const cols = Math.ceil(Math.sqrt(shown));
  const rows = Math.ceil(shown / cols);
  const gap = Math.max(1, Math.round(Math.max(height, width) / 24));
  return {
    height,
    width,
    channels,
    shown,
    cols,
    rows,
    gap,
    pixelWidth: cols * width + (cols - 1) * gap,
    pixelHeight: rows * height + (rows - 1) * gap,
  };
}

/** The top-left pixel of channel `c`'s tile. */
export function tileOrigin(grid: TileGrid, c: number): { x: number; y: number } {
  return {
    x: (c % grid.cols) * (grid.width + grid.gap),
    y: Math.floor(c / grid.cols) * (grid.height + grid.gap),
  };
}

/** The channel whose tile holds picture pixel (x, y); null on a gap or past the last tile. */
export function tileAt(grid: TileGrid, x: number, y: number): number | null {
  if (x < 0 || y < 0) return null;
  const col = Math.floor(x / (grid.width + grid.gap));
  const row = Math.floor(y / (grid.height + grid.gap));
  if (col >= grid.cols || x - col * (grid.width + grid.gap) >= grid.width) return null;
  if (y - row * (grid.height + grid.gap) >= grid.height) return null;
  const c = row * grid.cols + col;
  return c < grid.shown ? c : null;
}

/** Keeps an all-zero layer from dividing by zero: it is drawn in the colour of 0. */
const TINY = 1e-6;

/** Smallest and largest finite value of the first `shown` channels (from `stats` when there). */
function rangeOf(t: TensorData, shown: number): { min: number; max: number } {
  const channels = t.shape.at(-1) ?? 1;
  let min = Infinity;
  let max = -Infinity;
  if (t.stats) {
    for (let c = 0; c < shown; c++) {
      min = Math.min(min, t.stats.min[c] ?? Infinity);
      max = Math.max(max, t.stats.max[c] ?? -Infinity);
    }
  } else {
    const data = t.data;
    for (let i = 0, c = 0; i < data.length; i++) {
      const v = data[i]!;
      if (c < shown && v > -Infinity && v < Infinity) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (++c === channels) c = 0;
    }
  }
  return min > max ? { min: 0, max: 0 } : { min, max };
}

/**
 * One colour range for the drawn channels (the first `shown`) of both layers: centred on 0
 * (diverging) when any value is negative, else [0, largest] on the positive half, as the
 * overview colours maps.
 */
export function jointDomain(layers: readonly { data: TensorData; shown: number }[]): Domain {
  let min = 0;
  let max = 0;
  for (const { data, shown } of layers) {
    const r = rangeOf(data, shown);
    min = Math.min(min, r.min);
    max = Math.max(max, r.max);
  }
  const m = Math.max(-min, max, TINY);
  return min < 0 ? { lo: -m, hi: m, scheme: 'diverging' } : { lo: 0, hi: m, scheme: 'sequential' };
}

/** B − A's range over the drawn channels, symmetric around 0. */
export function differenceDomain(a: TensorData, b: TensorData, shown: number): Domain {
  const channels = a.shape.at(-1) ?? 1;
  let m = 0;
  for (let i = 0, c = 0; i < a.data.length; i++) {
    if (c < shown) {
      const d = Math.abs(b.data[i]! - a.data[i]!);
      if (d > m && d < Infinity) m = d;
    }
    if (++c === channels) c = 0;
  }
  const mag = Math.max(m, TINY);
  return { lo: -mag, hi: mag, scheme: 'diverging' };
}

/**
 * Paints tiles `from` to `to` (channels) of a layer — or of `data − minus` — into `out`, a
 * 32-bit view of the picture's RGBA pixels (gaps are left as they are: fill them first).
 * Value (y, x, c) of channels-last data is `data[(y·width + x)·channels + c]`.
 */
export function paintTiles(
  grid: TileGrid,
  data: Float32Array,
  minus: Float32Array | null,
  domain: Domain,
  lut: Lut,
  out: Uint32Array,
  from = 0,
  to = grid.shown,
): void {
  const top = LUT_SIZE - 1;
  const scale = top / (domain.hi - domain.lo);
  const { width, height, channels, pixelWidth } = grid;
  const packed = lut.packed;
  for (let c = from; c < Math.min(to, grid.shown); c++) {
    const o = tileOrigin(grid, c);
    for (let y = 0; y < height; y++) {
      let j = y * width * channels + c;
      let p = (o.y + y) * pixelWidth + o.x;
      for (let x = 0; x < width; x++, j += channels, p++) {
        const v = minus ? data[j]! - minus[j]! : data[j]!;
        // (t > 0) is false for NaN too: a broken value gets the low end, as paintValues does.
        const t = (v - domain.lo) * scale;
        out[p] = packed[t > 0 ? (t < top ? (t + 0.5) | 0 : top) : 0]!;
      }
    }
  }
}

/** "H×W×C" for notes. */
export function shapeText(l: MapLayer): string {
  return `${l.height}×${l.width}×${l.channels}`;
}
