/**
 * Per-channel Multiply, Add and Sub on tfjs-backend-wasm: a map [..., c] with a [c] vector (or a
 * [1, …, 1, c] one, or a scalar). Batch-norm training does these on every full map, forward and
 * backward (x − μ, dy·γr, …), as do constant offsets like hard-swish's x + 3. wasm hands a
 * broadcast to XNNPACK row by row, ~2–3× slower than the same op on equal shapes and ~8× slower
 * than this: a 1×1 depthwise convolution, which scales every channel by its filter value and adds
 * its bias, in one SIMD pass. The values are bit for bit the same: x·1 and x·(−1) are exact, and
 * a + b, a − b = a + (−b) and a·b are each one rounding, in either order.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type KernelScope, type TensorInfo } from './wasmKernelKit';

/** Below this many values the convolution's setup costs more than it saves. */
const MIN_SIZE = 4096;

type Op = 'Multiply' | 'Add' | 'Sub';

/** The map and the per-channel operand, when one broadcasts that way onto the other. */
function channelPair(
  a: TensorInfo,
  b: TensorInfo,
): { map: TensorInfo; vector: TensorInfo; mapFirst: boolean } | null {
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  for (const [map, vector, mapFirst] of [
    [a, b, true],
    [b, a, false],
  ] as const) {
    const size = map.shape.reduce((p, d) => p * d, 1);
    const channels = map.shape[map.shape.length - 1] ?? 0;
    if (size < MIN_SIZE || size === channels || vector.shape.length > map.shape.length) continue;
    const last = vector.shape[vector.shape.length - 1] ?? 1;
    const leadingOnes = vector.shape.slice(0, -1).every((d) => d === 1);
    if (leadingOnes && (last === channels || last === 1) && vector !== map) return { map, vector, mapFirst };
  }
  return null;
}

/** The vector as [c] values: itself, or a scalar repeated (times `sign`). */
function perChannel(k: KernelScope, vector: TensorInfo, channels: number, sign: number): TensorInfo {
  const size = vector.shape.reduce((p, d) => p * d, 1);
  if (size === 1) {
    const value = k.values(vector)[0] ?? 0;
    return k.run('Fill', {}, { shape: [channels], value: sign * value, dtype: 'float32' });
  }
  // A new [c] tensor either way: FusedDepthwiseConv2D checks the rank its bias was made with.
  return sign === 1 ? k.copy(vector, [channels]) : k.run('Neg', { x: k.reshape(vector, [channels]) });
}

function viaDepthwise(op: Op, fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const pair = channelPair(a, b);
    if (!pair) return fallback(args);
    const { map, vector, mapFirst } = pair;
    const channels = map.shape[map.shape.length - 1]!;
    const pixels = map.shape.reduce((p, d) => p * d, 1) / channels;
    const k = scope(args.backend);
    try {
      const x = k.reshape(map, [pixels, 1, 1, channels]);
      const convAttrs = { strides: [1, 1], pad: 'valid', dilations: [1, 1], dimRoundingMode: undefined };
      let y: TensorInfo;
      if (op === 'Multiply') {
        const filter = k.reshape(perChannel(k, vector, channels, 1), [1, 1, channels, 1]);
        y = k.run('DepthwiseConv2dNative', { x, filter }, convAttrs);
      } else {
        // map + v, map − v = map·1 + (−v), v − map = map·(−1) + v.
        const scale = op === 'Sub' && !mapFirst ? -1 : 1;
        const bias = perChannel(k, vector, channels, op === 'Sub' && mapFirst ? -1 : 1);
        const filter = k.run('Fill', {}, { shape: [1, 1, channels, 1], value: scale, dtype: 'float32' });
        y = k.run(
          'FusedDepthwiseConv2D',
          { x, filter, bias },
          { ...convAttrs, dataFormat: 'NHWC', activation: 'linear' },
        );
      }
      return k.keep('Reshape', { x: y }, { shape: map.shape });
    } finally {
      k.free();
    }
  };
}

let registered = false;

/** Replaces wasm's Multiply, Add and Sub with versions that take the per-channel case faster. */
export function registerWasmChannelOps(): void {
  if (registered) return;
  registered = true;
  for (const op of ['Multiply', 'Add', 'Sub'] as const) {
    const own = tf.getKernel(op, 'wasm');
    if (!own) continue;
    tf.unregisterKernel(op, 'wasm');
    tf.registerKernel({ ...own, kernelFunc: viaDepthwise(op, own.kernelFunc) });
  }
}
