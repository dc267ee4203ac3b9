/**
 * How our channels-last tensors sit in PyTorch: images (3 axes: H×W×C) and volumes (4 axes)
 * are channels-first there (N×C×H×W), as nn.Conv2d expects; vectors and sequences
 * (steps × features, as nn.LSTM(batch_first=True) expects) keep their layout.
 */
import type { LayerSpec, Shape } from '../../spec/types';
import type { Localized } from '../../spec/types';

export function channelsFirst(rank: number): boolean {
  return rank === 3 || rank === 4;
}

/** PyTorch's shape for one of our shapes, batch axis included. */
export function torchShape(shape: Shape): number[] {
  if (!channelsFirst(shape.length)) return [1, ...shape];
  return [1, shape[shape.length - 1] ?? 1, ...shape.slice(0, -1)];
}

/** PyTorch dim for one of our axes counted as Keras does (1 = first after the batch, −1 = last). */
export function torchDim(axis: number, rank: number): number {
  const a = (axis < 0 ? axis + rank + 1 : axis) - 1;
  if (!channelsFirst(rank)) return a + 1;
  return a === rank - 1 ? 1 : a + 2;
}

/** The expression rearranged into our channels-last layout, and back. */
export function toChannelsLast(x: string, rank: number): string {
  return channelsFirst(rank) ? `${x}.movedim(1, -1)` : x;
}

export function fromChannelsLast(x: string, rank: number): string {
  return channelsFirst(rank) ? `${x}.movedim(-1, 1)` : x;
}

/** A PyTorch padding argument: an int when all sides agree, else a tuple. */
export function tuple(values: number[]): string {
  return values.every((v) => v === values[0]) ? String(values[0] ?? 0) : `(${values.join(', ')})`;
}

export function pyNumber(v: number): string {
  if (Number.isInteger(v)) return `${v}.0`;
  return String(Number(v.toPrecision(9)));
}

export interface TorchContext {
  layer: LayerSpec;
  inShapes: Shape[];
  outShape: Shape;
  /** `self.<name>` for this layer. */
  attr: string;
  fail(en: string, zh: string): never;
}

export interface TorchLayer {
  /** Sub-modules to create in __init__: attribute suffix ('' for the main one) and constructor. */
  modules: [string, string][];
  /** The forward expression, from the input expressions. */
  expr(inputs: string[]): string;
  /** A remark written above the line in forward. */
  remark?: string;
}

export type TorchMapper = (ctx: TorchContext) => TorchLayer;

export type TorchFailure = Localized;
