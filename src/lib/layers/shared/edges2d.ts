/**
 * The edge amounts of ZeroPadding2D and Cropping2D: [rows, cols] for the same amount on
 * both sides, or [top, bottom, left, right]; Keras writes them as [[top, bottom], [left, right]].
 */
import type { ParamDef } from '../types';
import type { Localized } from '../../spec/types';

export interface Edges {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function edges(values: number[]): Edges {
  if (values.length === 4) {
    const [top = 0, bottom = 0, left = 0, right = 0] = values;
    return { top, bottom, left, right };
  }
  const [rows = 0, cols = 0] = values;
  return { top: rows, bottom: rows, left: cols, right: cols };
}

export function edgesToKeras(values: number[]): number[][] {
  const e = edges(values);
  return [
    [e.top, e.bottom],
    [e.left, e.right],
  ];
}

/** Reads `1`, `[1, 2]` or `[[1, 1], [2, 2]]` back, as [rows, cols] when both sides agree. */
export function edgesFromKeras(value: unknown, fallback: number[]): number[] {
  if (typeof value === 'number') return [value, value];
  if (!Array.isArray(value) || value.length !== 2) return fallback;
  const [rows, cols] = value as unknown[];
  if (typeof rows === 'number' && typeof cols === 'number') return [rows, cols];
  const pair = (x: unknown): number[] | null =>
    Array.isArray(x) && x.length === 2 && x.every((v) => typeof v === 'number') ? (x as number[]) : null;
  const r = pair(rows);
  const c = pair(cols);
  if (!r || !c) return fallback;
  const [top = 0, bottom = 0] = r;
  const [left = 0, right = 0] = c;
  return top === bottom && left === right ? [top, left] : [top, bottom, left, right];
}

export function edgesParam(name: string, dflt: number[], label: Localized, help: Localized): ParamDef {
  return { name, kind: 'ints', default: dflt, min: 0, max: 1024, lengths: [2, 4], label, help };
}
