/**
 * Convolution gradients for tfjs-backend-wasm, composed from its fast Conv2D kernel.
 *
 * 1. tfjs-backend-wasm 4.22 has no `Conv2DBackpropFilter` kernel, so a conv net cannot train
 * on it. The filter gradient is itself a convolution: with the batch axis moved to channels,
 * dW[kh, kw, ci, co] = Σ_b,oh,ow x[b, oh·s + kh − pad, ow·s + kw − pad, ci] · dy[b, oh, ow, co]
 * is x (as [ci, H, W, b]) convolved with dy (as a [oh, ow, b, co] filter) with dilation equal
 * to the stride. We compose it from kernels wasm already has: transpose, conv2d, slice.
 */
import { tf } from './tf';
import { inputGradientSkipped } from './inputGradientSkip';
import { simdFilterGradient } from './wasmFilterGradient';
import { scope, wasmKernel as kernel, type KernelFunc, type Padding, type TensorInfo } from './wasmKernelKit';

const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dimRoundingMode, filterShape } = attrs as unknown as {
    strides: [number, number] | number;
    pad: Padding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const { top, bottom, left, right } = info.padInfo;
  if (filterShape[0] === 1 && filterShape[1] === 1 && info.strideHeight === 1 && info.strideWidth === 1)
    if (top + bottom + left + right === 0) return pointwiseFilterGradient(x, dy, backend);
  const direct = simdFilterGradient(x, dy, info, backend);
  if (direct) return direct;
  const transpose = kernel('Transpose');
  const made: TensorInfo[] = [];
  const run = (f: KernelFunc, args: Parameters<KernelFunc>[0]): TensorInfo => {
    const out = f(args) as TensorInfo;
    made.push(out);
    return out;
  };
  try {
    const xT = run(transpose, { inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } });
    const dyT = run(transpose, { inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } });
    const conv = run(kernel('Conv2D'), {
      inputs: { x: xT, filter: dyT },
      backend,
      attrs: {
        strides: [1, 1],
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [info.strideHeight, info.strideWidth],
      },
    });
    const [kh, kw, ci, co] = filterShape;
    const cut = run(kernel('Slice'), {
      inputs: { x: conv },
      backend,
      attrs: { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] },
    });
    return transpose({ inputs: { x: cut }, backend, attrs: { perm: [1, 2, 0, 3] } }) as TensorInfo;
  } finally {
    for (const t of made) (backend as tf.KernelBackend).disposeData(t.dataId);
  }
};

/**
 * For a 1×1 stride-1 convolution the filter gradient is one matrix product over all pixels,
 * dW[ci, co] = Σ_p x[p, ci] · dy[p, co], which the path above computes ~10× slower than
 * XNNPACK's convolution does a plain product. So run it as a 1×1 Conv2D: the wider of x and dy
 * with its channel axis moved first (a [c, p] "image"), the narrower as the [p, c'] filter (XNNPACK
 * repacks a filter it has not seen, in time ∝ its size, so the smaller one); if dy was the
 * image, the small [co, ci] result is transposed back. The move is KernelScope.transposeBlocks,
 * several times faster than wasm's Transpose on these long, wide maps.
 */
function pointwiseFilterGradient(x: TensorInfo, dy: TensorInfo, backend: unknown): TensorInfo {
  const ci = x.shape[3] ?? 1;
  const co = dy.shape[3] ?? 1;
  const pixels = x.shape.slice(0, 3).reduce((a, b) => a * b, 1);
  const k = scope(backend);
  try {
    const moveX = co <= ci;
    const [rows, cols] = moveX ? [x, dy] : [dy, x];
    const rowCount = moveX ? ci : co;
    const colCount = moveX ? co : ci;
    const image = k.transposeBlocks(rows, pixels, rowCount, 1, [1, 1, rowCount, pixels]);
    const product = k.run(
      'Conv2D',
      { x: image, filter: k.reshape(cols, [1, 1, pixels, colCount]) },
      { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
    );
    if (moveX) return k.keep('Reshape', { x: product }, { shape: [1, 1, ci, co] });
    const back = k.run('Transpose', { x: k.reshape(product, [co, ci]) }, { perm: [1, 0] });
    return k.keep('Reshape', { x: back }, { shape: [1, 1, ci, co] });
  } finally {
    k.free();
  }
}

/**
 * 2. wasm's own `Conv2DBackpropInput` is a plain loop and takes ~70% of a TinyVGG training
 * step. The input gradient is a correlation of dy with the kernel rotated by 180° and its
 * in/out axes swapped: with dy spread apart by the stride (row i at row i·s, zeros between,
 * see KernelScope.spread), dx[h] = Σ_k dyS[h + padTop − (kh − 1) + k] · W[kh − 1 − k], i.e.
 * a stride-1 Conv2D with padding (kh − 1 − padTop) on top and whatever makes the output H below
 * (a negative amount crops, which only ever drops spread zeros).
 */
function conv2DBackpropInputVia(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dimRoundingMode, inputShape } = attrs as unknown as {
      strides: [number, number] | number;
      pad: Padding;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      inputShape: [number, number, number, number];
    };
    if (inputGradientSkipped(filter))
      return scope(backend).keep('Fill', {}, { shape: inputShape, value: 0, dtype: 'float32' });
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
    const [, H = 0, W = 0] = inputShape;
    const [kh = 1, kw = 1] = filter.shape;
    const [, oh = 0, ow = 0] = dy.shape;
    const { strideHeight: sh, strideWidth: sw } = info;
    const padT = kh - 1 - info.padInfo.top;
    const padL = kw - 1 - info.padInfo.left;
    const padB = H + kh - 1 - padT - oh * sh;
    const padR = W + kw - 1 - padL - ow * sw;
    if (padT < 0 || padL < 0) return fallback(args);
    const k = scope(backend);
    try {
      let spread = k.spread(dy, [sh, sw]);
      if (padB < 0 || padR < 0) {
        const [n = 1, h = 1, w = 1, c = 1] = spread.shape;
        spread = k.run(
          'Slice',
          { x: spread },
          { begin: [0, 0, 0, 0], size: [n, h + Math.min(padB, 0), w + Math.min(padR, 0), c] },
        );
      }
      const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1] });
      const swapped = k.run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
      return k.keep(
        'Conv2D',
        { x: spread, filter: swapped },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [padT, Math.max(padB, 0)],
            [padL, Math.max(padR, 0)],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [1, 1],
        },
      );
    } finally {
      k.free();
    }
  };
}

let registered = false;

/** Registers both gradient kernels on the wasm backend once; safe to call more than once. */
export function registerWasmConvGradients(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm'))
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2DBackpropFilter,
    });
  const own = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (own) {
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    tf.registerKernel({ ...own, kernelFunc: conv2DBackpropInputVia(own.kernelFunc) });
  }
}
