/**
 * Shared definition of the element-wise merge layers (Add, Multiply, Average, Maximum,
 * Subtract). Shapes combine as in tfjs and Keras: aligned from the last axis, an axis of
 * size 1 stretches to match, and a shorter shape is treated as having leading axes.
 */
import type { LayerDef } from '../types';
import type { Localized, Shape } from '../../spec/types';
import { fmtShape } from './windowMath';

export function broadcastShapes(a: Shape, b: Shape): Shape | null {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out = long.slice(0, long.length - short.length);
  for (let k = 0; k < short.length; k++) {
    const i = long[long.length - short.length + k] ?? 0;
    const j = short[k] ?? 0;
    if (i === 1) out.push(j);
    else if (j === 1 || i === j) out.push(i);
    else return null;
  }
  return out;
}

export function elementwiseMerge(
  type: string,
  description: Localized,
  options: { maxInputs: number; tfjsNote?: Localized },
): LayerDef {
  const def: LayerDef = {
    type,
    category: 'Utility',
    description,
    params: [],
    formula: 'merge',
    arity: { min: 2, max: options.maxInputs },
    inferShape(_p, inputs) {
      let shape: Shape | null = inputs[0] ?? [];
      for (const next of inputs.slice(1)) {
        const merged: Shape | null = shape && broadcastShapes(shape, next);
        if (!merged)
          return {
            error: {
              en: `input shapes ${inputs.map(fmtShape).join(', ')} cannot be combined value by value (each axis must match or be 1)`,
              zh: `输入形状 ${inputs.map(fmtShape).join('、')} 无法逐元素组合（每个维度必须相等或为 1）`,
            },
          };
        shape = merged;
      }
      return { shape: shape ?? [] };
    },
    weights: () => [],
    // Like pooling and activations, element-wise work is not counted as multiply-accumulates.
    countMacs: () => 0,
    keras: options.tfjsNote ? null : { className: type, toConfig: () => ({}), fromConfig: () => ({}) },
  };
  if (options.tfjsNote) def.tfjsNote = options.tfjsNote;
  return def;
}
