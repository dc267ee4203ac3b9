/**
 * What the map painter (mapPainter.ts) paints into: a column's canvas and the boxes of its maps,
 * a small vector's unit elements, the elements whose text alternative follows the data, and
 * one frame of data with its colour ranges.
 */
import type { TensorData } from '../../lib/tensor/types';
import type { Domain } from '../../lib/colour/ranges';

export interface ColumnBox {
  channel: number;
  /** Position and size in CSS pixels, relative to the column canvas. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ColumnTarget {
  layerId: string;
  canvas: HTMLCanvasElement;
  /** Backing pixels per CSS pixel. */
  scale: number;
  /** A channel's H×W map, or a strip's rows × cols for a vector. */
  grid: { rows: number; cols: number };
  /** Maps show channel `box.channel` of HWC data; a strip shows the whole vector. */
  strip: boolean;
  /** A volume's depth slices stacked in the grid (1 for a plain map): a line goes between them. */
  slices: number;
  boxes: readonly ColumnBox[];
}

/** One unit of a small vector: an element whose background is the unit's colour. */
export interface CellTarget {
  layerId: string;
  channel: number;
  el: HTMLElement;
}

export interface LabelTarget {
  layerId: string;
  channel: number;
  kind: 'map' | 'strip' | 'unit';
  el: HTMLElement;
}

export interface PaintFrame {
  activations: ReadonlyMap<string, TensorData>;
  domains: ReadonlyMap<string, readonly Domain[]>;
  /** Text alternative for a neuron under this frame (layer, channel, range). */
  label(target: LabelTarget): string;
}
