/**
 * A small helper for writing zoo architectures: layers are added by type with only the
 * params that differ from the registry defaults, and every id is checked to be new.
 */
import type { LayerParams, LayerSpec, NetworkSpec } from '../spec/types';
import { getLayerDef } from '../layers/registry';
import { defaultLayerParams } from '../layers/shared/params';

export class SpecBuilder {
  private readonly layers: LayerSpec[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly name: string) {}

  /** Adds a layer and returns its id, so calls can be chained as inputs of the next. */
  add(type: string, id: string, params: LayerParams, inputs: string | string[]): string {
    const def = getLayerDef(type);
    if (!def) throw new Error(`zoo: unknown layer type ${type}`);
    if (this.ids.has(id)) throw new Error(`zoo: layer id ${id} is used twice`);
    this.ids.add(id);
    this.layers.push({
      id,
      type,
      params: { ...defaultLayerParams(def), ...params },
      inputs: typeof inputs === 'string' ? [inputs] : inputs,
    });
    return id;
  }

  input(shape: number[], id = 'input'): string {
    return this.add('Input', id, { shape }, []);
  }

  spec(): NetworkSpec {
    return {
      name: this.name,
      layers: this.layers.map((l) => ({ ...l, params: { ...l.params }, inputs: [...l.inputs] })),
    };
  }
}

export interface ConvOptions {
  filters: number;
  kernel: number;
  strides?: number;
  padding?: 'valid' | 'same';
  activation?: string;
  useBias?: boolean;
}

export function convParams(o: ConvOptions): LayerParams {
  const s = o.strides ?? 1;
  return {
    filters: o.filters,
    kernelSize: [o.kernel, o.kernel],
    strides: [s, s],
    padding: o.padding ?? 'valid',
    dilation: [1, 1],
    activation: o.activation ?? 'linear',
    useBias: o.useBias ?? true,
  };
}

export function poolParams(size: number, strides: number, padding: 'valid' | 'same' = 'valid'): LayerParams {
  return { poolSize: [size, size], strides: [strides, strides], padding };
}

/** Keras' BatchNormalization settings as the applications use them. */
export function batchNormParams(epsilon: number, momentum = 0.99): LayerParams {
  return { axis: -1, momentum, epsilon, center: true, scale: true };
}

/**
 * Keras' `correct_pad` for a stride-2 valid convolution on an even-sized map: one row and
 * column less on the top and left, so the output is exactly half the input.
 */
export function correctPad(kernel: number): number[] {
  const half = Math.floor(kernel / 2);
  return [half - 1, half, half - 1, half];
}

/** Channel counts rounded to a multiple of 8 as MobileNet v2/v3 do (`_make_divisible`). */
export function makeDivisible(v: number, divisor = 8): number {
  const rounded = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * v ? rounded + divisor : rounded;
}
