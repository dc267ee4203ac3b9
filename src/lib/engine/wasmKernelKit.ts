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

  /** A new float32 tensor of this shape, for a kernel that fills it itself (see values). */
  output(shape: number[]): TensorInfo {
    return (this.backend as unknown as WasmHeapAccess).makeOutput(shape, 'float32');
  }

  /**
   * The float32 values of `t` in place on the wasm heap. Take them after making every output: a
   * new tensor can grow the heap, which replaces its buffer and empties older views.
   */
  values(t: TensorInfo): Float32Array {
    return (this.backend as unknown as WasmHeapAccess).typedArrayFromHeap(t) as Float32Array;
  }

  /** A copy of `x` as a new tensor of `shape`, with data of its own (a Reshape shares it). */
  copy(x: TensorInfo, shape: number[]): TensorInfo {
    const out = this.output(shape);
    this.made.push(out);
    this.values(out).set(this.values(x));
    return out;
  }

  /**
   * [rows, cols] blocks of `inner` contiguous values, transposed to [cols, rows] (so the 2-D
   * transpose when inner = 1, and perm [1, 2, 0, 3] of [n, h, w, c] with cols = h·w, inner = c).
   * A JS loop over the wasm heap, in tiles of 16 rows: wasm's Transpose walks the output in
   * order and reads the input with a stride of the row length, which on MobileNet's [65536, 64]
   * maps was ~3–7× slower than this.
   */
  transposeBlocks(x: TensorInfo, rows: number, cols: number, inner: number, shape: number[]): TensorInfo {
    const heap = this.backend as unknown as WasmHeapAccess;
    const out = heap.makeOutput(shape, 'float32');
    this.made.push(out);
    // After makeOutput: growing the heap replaces its buffer, and with it older views.
    const src = heap.typedArrayFromHeap(x) as Float32Array;
    const dst = heap.typedArrayFromHeap(out) as Float32Array;
    const tile = 16;
    if (inner === 1) {
      for (let r0 = 0; r0 < rows; r0 += tile) {
        const r1 = Math.min(rows, r0 + tile);
        for (let c = 0; c < cols; c++) {
          const o = c * rows;
          for (let r = r0, i = r0 * cols + c; r < r1; r++, i += cols) dst[o + r] = src[i]!;
        }
      }
    } else {
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const from = (r * cols + c) * inner;
          const to = (c * rows + r) * inner;
          for (let j = 0; j < inner; j++) dst[to + j] = src[from + j]!;
        }
    }
    return out;
  }

  free(): void {
    for (const t of this.made) this.backend.disposeData(t.dataId);
    this.made.length = 0;
  }
}

/** The parts of tfjs-backend-wasm's BackendWasm that direct access to the heap needs. */
interface WasmHeapAccess {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

export function scope(backend: unknown): KernelScope {
  return new KernelScope(backend as tf.KernelBackend);
}
