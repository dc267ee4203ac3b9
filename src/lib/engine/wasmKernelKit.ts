/**
 * Helpers for composing wasm kernels out of other wasm kernels (see wasmConvGradients.ts and
 * wasmDepthwiseGradients.ts): look a kernel up, run it and free its intermediate results.
 */
import { tf } from './tf';

export type KernelFunc = tf.KernelConfig['kernelFunc'];
export type TensorInfo = tf.TensorInfo;
export type KernelArgs = Parameters<KernelFunc>[0];
/** Named inputs, or a list for the kernels that take one (Pack, Concat). */
export type KernelInputs = Record<string, TensorInfo> | TensorInfo[];
export type Padding = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

export function wasmKernel(name: string): KernelFunc {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`wasm backend has no ${name} kernel`);
  return k.kernelFunc;
}

/**
 * Runs kernels on one backend and remembers what they made, so `free` releases every
 * intermediate tensor; `keep` runs one whose result is returned to the caller instead.
 */
export class KernelScope {
  private readonly made: TensorInfo[] = [];

  constructor(private readonly backend: tf.KernelBackend) {}

  keep(name: string, inputs: KernelInputs, attrs: Record<string, unknown> = {}): TensorInfo {
    return wasmKernel(name)({
      inputs: inputs as KernelArgs['inputs'],
      backend: this.backend,
      attrs: attrs as KernelArgs['attrs'],
    }) as TensorInfo;
  }

  run(name: string, inputs: KernelInputs, attrs: Record<string, unknown> = {}): TensorInfo {
    const out = this.keep(name, inputs, attrs);
    this.made.push(out);
    return out;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  /**
   * Spreads a [n, h, w, c] map apart by `stride`: row i moves to row i·stride, column j to
   * column j·stride, zeros in between (a [n, h·s, w·s, c] result). A strided convolution's
   * input gradient is a stride-1 convolution of this map.
   */
  spread(x: TensorInfo, stride: [number, number]): TensorInfo {
    const [n = 1, h = 1, w = 1, c = 1] = x.shape;
    const [sh, sw] = stride;
    let y = x;
    if (sw > 1) {
      const zeros = this.run('Fill', {}, { shape: [n, h, w, c], value: 0, dtype: 'float32' });
      const stacked = this.run('Pack', [y, ...Array<TensorInfo>(sw - 1).fill(zeros)], { axis: 3 });
      y = this.reshape(stacked, [n, h, w * sw, c]);
    }
    if (sh > 1) {
      const zeros = this.run('Fill', {}, { shape: [n, h, w * sw, c], value: 0, dtype: 'float32' });
      const stacked = this.run('Pack', [y, ...Array<TensorInfo>(sh - 1).fill(zeros)], { axis: 2 });
      y = this.reshape(stacked, [n, h * sh, w * sw, c]);
    }
    return y;
  }

  free(): void {
    for (const t of this.made) this.backend.disposeData(t.dataId);
    this.made.length = 0;
  }
}

export function scope(backend: unknown): KernelScope {
  return new KernelScope(backend as tf.KernelBackend);
}
