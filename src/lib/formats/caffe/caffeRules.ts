/**
 * Caffe's output-size rules and how they map onto our layers' `valid` / `same` padding.
 * Caffe pads symmetrically by an explicit amount; convolution rounds down and pooling
 * rounds up (unless `round_mode: FLOOR`), and a pooling window may not start in the padding.
 */

export function caffeConvOut(
  size: number,
  kernel: number,
  stride: number,
  pad: number,
  dilation = 1,
): number {
  return Math.floor((size + 2 * pad - ((kernel - 1) * dilation + 1)) / stride) + 1;
}

export function caffePoolOut(
  size: number,
  kernel: number,
  stride: number,
  pad: number,
  ceil: boolean,
): number {
  let out = (ceil ? Math.ceil : Math.floor)((size + 2 * pad - kernel) / stride) + 1;
  if (pad > 0 && (out - 1) * stride >= size + pad) out--;
  return out;
}

export function caffeDeconvOut(
  size: number,
  kernel: number,
  stride: number,
  pad: number,
  dilation = 1,
): number {
  return stride * (size - 1) + (kernel - 1) * dilation + 1 - 2 * pad;
}

/** TensorFlow's `same` padding along one axis: output size and zeros before and after. */
export function tfSame(
  size: number,
  kernel: number,
  stride: number,
  dilation = 1,
): { out: number; before: number; after: number } {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0);
  const before = Math.floor(total / 2);
  return { out, before, after: total - before };
}

export function tfValid(size: number, kernel: number, stride: number, dilation = 1): number {
  return Math.floor((size - ((kernel - 1) * dilation + 1)) / stride) + 1;
}

export interface Axis {
  size: number;
  kernel: number;
  stride: number;
  pad: number;
  dilation: number;
  /** The output size Caffe computes. */
  out: number;
}

/**
 * How to get Caffe's result with our layers: plain `valid`, `same` (when TensorFlow pads
 * exactly Caffe's amount before the data, so every window sits where Caffe puts it), or
 * explicit zero padding [before, after] per axis followed by `valid`.
 */
export type PaddingPlan = { padding: 'valid' | 'same' } | { padding: 'valid'; zeros: [number, number][] };

export function planPadding(axes: Axis[]): PaddingPlan | null {
  if (axes.every((a) => a.pad === 0 && a.out === tfValid(a.size, a.kernel, a.stride, a.dilation)))
    return { padding: 'valid' };
  if (
    axes.every((a) => {
      const s = tfSame(a.size, a.kernel, a.stride, a.dilation);
      return s.out === a.out && s.before === a.pad;
    })
  )
    return { padding: 'same' };
  const zeros = axes.map((a): [number, number] => {
    const effective = (a.kernel - 1) * a.dilation + 1;
    const extra = Math.max(0, (a.out - 1) * a.stride + effective - (a.size + 2 * a.pad));
    return [a.pad, a.pad + extra];
  });
  const fits = axes.every((a, k) => {
    const z = zeros[k] ?? [0, 0];
    return tfValid(a.size + z[0] + z[1], a.kernel, a.stride, a.dilation) === a.out;
  });
  return fits ? { padding: 'valid', zeros } : null;
}
