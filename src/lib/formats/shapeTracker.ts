/**
 * Output shapes of a spec being assembled layer by layer, for importers whose choices
 * depend on them (Caffe's padding and rounding, inserting a Flatten before a dense layer).
 * One registry call per layer instead of re-running inferShapes on the whole spec each time.
 */
import type { LayerSpec, Shape } from '../spec/types';
import { getLayerDef } from '../layers/registry';
import { checkParams, paramDefsFor } from '../layers/shared/params';
import type { Localized } from '../spec/types';

export class ShapeTracker {
  private shapes = new Map<string, Shape>();

  get(id: string): Shape | undefined {
    return this.shapes.get(id);
  }

  /** The layer's output shape, or why there is none. */
  add(layer: LayerSpec): Shape | Localized {
    const def = getLayerDef(layer.type);
    if (!def) return { en: `unknown layer type ${layer.type}`, zh: `未知的层类型 ${layer.type}` };
    const problem = checkParams(paramDefsFor(def, layer.params), layer.params);
    if (problem) return problem;
    const inputs: Shape[] = [];
    for (const id of layer.inputs) {
      const s = this.shapes.get(id);
      if (!s) return { en: `input ${id} has no shape`, zh: `输入 ${id} 没有形状` };
      inputs.push(s);
    }
    const r = def.inferShape(layer.params, inputs);
    if ('error' in r) return r.error;
    if (r.shape.some((d) => !Number.isInteger(d) || d < 1))
      return {
        en: `the output shape ${r.shape.join('×')} has an empty axis`,
        zh: `输出形状 ${r.shape.join('×')} 有一个维度为空`,
      };
    this.shapes.set(layer.id, r.shape);
    return r.shape;
  }
}

export function isShape(x: Shape | Localized): x is Shape {
  return Array.isArray(x);
}
