/** One 2-D slice of a 4-D kernel, as a kernel thumbnail draws it. */
import type { TensorData } from '../../../lib/tensor/types';

/**
 * The taps of kernel[:, :, a, b] of a [kh, kw, A, B] kernel, row-major kh·kw: a convolution's
 * input channel a for output channel b, or a depthwise kernel's channel a and multiplier b.
 */
export function kernelTaps(kernel: TensorData, a: number, b: number): Float32Array {
  const [kh = 1, kw = 1, inner = 1, outer = 1] = kernel.shape;
  return Float32Array.from({ length: kh * kw }, (_, t) => kernel.data[(t * inner + a) * outer + b] ?? 0);
}
