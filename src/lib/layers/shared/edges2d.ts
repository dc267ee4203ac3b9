/**
 * The edge amounts of ZeroPadding2D and Cropping2D: [rows, cols] for the same amount on
 * both sides, or [top, bottom, left, right]; Keras writes them as [[top, bottom], [left, right]].
 */
import type { ParamDef } from '../types';
import type { Localized } from '../../spec/types';
import { KerasConfigError, shown, type KerasConfig } from './kerasConfig';

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

/**
 * Reads `1`, `[1, 2]` or `[[1, 1], [2, 2]]` from a Keras config (Keras' `dflt` when the
 * field is absent), as [rows, cols] when both sides agree.
 */
export function edgesFromKeras(c: KerasConfig, field: string, dflt: number[]): number[] {
  const value = c[field];
  if (value === undefined) return dflt;
  const amount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  const pair = (x: unknown): number[] | null =>
    Array.isArray(x) && x.length === 2 && x.every(amount) ? (x as number[]) : null;
  if (amount(value)) return [value, value];
  const flat = pair(value);
  if (flat) return flat;
  const [rows, cols] = Array.isArray(value) && value.length === 2 ? (value as unknown[]) : [];
  const r = pair(rows);
  const c2 = pair(cols);
  if (!r || !c2)
    throw new KerasConfigError([field], {
      en: `${field} must be a whole number ≥ 0, [rows, cols] or [[top, bottom], [left, right]], not ${shown(value)}`,
      zh: `${field} 必须是 ≥ 0 的整数、[行, 列] 或 [[上, 下], [左, 右]]，而不是 ${shown(value)}`,
    });
  const [top = 0, bottom = 0] = r;
  const [left = 0, right = 0] = c2;
  return top === bottom && left === right ? [top, left] : [top, bottom, left, right];
}

export function edgesParam(name: string, dflt: number[], label: Localized, help: Localized): ParamDef {
  return { name, kind: 'ints', default: dflt, min: 0, max: 1024, lengths: [2, 4], label, help };
}
