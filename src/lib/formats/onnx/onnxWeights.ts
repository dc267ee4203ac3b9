/**
 * ONNX weight layouts → the engine's. ONNX kernels are [out, in, kh, kw] (ConvTranspose:
 * [in, out, kh, kw]), Gemm/MatMul matrices [K, M] or transposed; tfjs kernels are
 * [kh, kw, in, out] (Conv2DTranspose: [kh, kw, out, in]), Dense [K, M]. Each function moves
 * every value once.
 */

/** Conv W [m, cin, kh, kw] → [kh, kw, cin, m] (also grouped: cin is the per-group count). */
export function convKernel(w: Float32Array, [m = 0, cin = 0, kh = 0, kw = 0]: number[]): Float32Array {
  const out = new Float32Array(w.length);
  for (let o = 0; o < m; o++)
    for (let c = 0; c < cin; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((y * kw + x) * cin + c) * m + o] = w[((o * cin + c) * kh + y) * kw + x] ?? 0;
  return out;
}

/**
 * Depthwise Conv W [c·mult, 1, kh, kw] (group = c) → [kh, kw, c, mult]. ONNX output channel
 * c·mult + j and tfjs' are the same channel.
 */
export function depthwiseKernel(
  w: Float32Array,
  [m = 0, , kh = 0, kw = 0]: number[],
  channels: number,
): Float32Array {
  const mult = m / channels;
  const out = new Float32Array(w.length);
  for (let c = 0; c < channels; c++)
    for (let j = 0; j < mult; j++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((y * kw + x) * channels + c) * mult + j] = w[((c * mult + j) * kh + y) * kw + x] ?? 0;
  return out;
}

/** ConvTranspose W [cin, m, kh, kw] (group 1) → [kh, kw, m, cin]. */
export function transposedKernel(w: Float32Array, [cin = 0, m = 0, kh = 0, kw = 0]: number[]): Float32Array {
  const out = new Float32Array(w.length);
  for (let c = 0; c < cin; c++)
    for (let o = 0; o < m; o++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((y * kw + x) * m + o) * cin + c] = w[((c * m + o) * kh + y) * kw + x] ?? 0;
  return out;
}

/**
 * A [K, M] matrix (or [M, K] when `transposed`) as a Dense kernel [K, M], times `scale`; rows
 * taken in `rowOrder` when given (ours row i is the file's row rowOrder[i]).
 */
export function denseKernel(
  w: Float32Array,
  k: number,
  m: number,
  transposed: boolean,
  scale = 1,
  rowOrder?: Int32Array,
): Float32Array {
  const out = new Float32Array(k * m);
  for (let i = 0; i < k; i++) {
    const row = rowOrder ? (rowOrder[i] ?? 0) : i;
    for (let j = 0; j < m; j++) out[i * m + j] = scale * (w[transposed ? j * k + row : row * m + j] ?? 0);
  }
  return out;
}

/** Our kernels back to ONNX's, for writing: the inverses of the functions above. */
export function onnxConvKernel(k: Float32Array, [kh = 0, kw = 0, cin = 0, m = 0]: number[]): Float32Array {
  const out = new Float32Array(k.length);
  for (let o = 0; o < m; o++)
    for (let c = 0; c < cin; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((o * cin + c) * kh + y) * kw + x] = k[((y * kw + x) * cin + c) * m + o] ?? 0;
  return out;
}

export function onnxDepthwiseKernel(
  k: Float32Array,
  [kh = 0, kw = 0, c = 0, mult = 0]: number[],
): Float32Array {
  const out = new Float32Array(k.length);
  for (let ch = 0; ch < c; ch++)
    for (let j = 0; j < mult; j++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((ch * mult + j) * kh + y) * kw + x] = k[((y * kw + x) * c + ch) * mult + j] ?? 0;
  return out;
}

export function onnxTransposedKernel(
  k: Float32Array,
  [kh = 0, kw = 0, m = 0, cin = 0]: number[],
): Float32Array {
  const out = new Float32Array(k.length);
  for (let c = 0; c < cin; c++)
    for (let o = 0; o < m; o++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((c * m + o) * kh + y) * kw + x] = k[((y * kw + x) * m + o) * cin + c] ?? 0;
  return out;
}
