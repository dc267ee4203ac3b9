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

type KernelFunc = tf.KernelConfig['kernelFunc'];
type TensorInfo = tf.TensorInfo;

function kernel(name: string): KernelFunc {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`wasm backend has no ${name} kernel`);
  return k.kernelFunc;
}

const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dimRoundingMode, filterShape } = attrs as unknown as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
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
 * 2. wasm's own `Conv2DBackpropInput` is a plain loop and takes ~70% of a TinyVGG training
 * step. For stride 1 the input gradient is a correlation of dy with the kernel rotated by
 * 180° and its in/out axes swapped: dx[h] = Σ_k dy[h + padTop − (kh − 1) + k] · W[kh − 1 − k],
 * i.e. Conv2D with padding (kh − 1 − padTop) on top and whatever makes the output H below.
 * Strides above 1 keep wasm's own kernel.
 */
function conv2DBackpropInputVia(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dimRoundingMode, inputShape } = attrs as unknown as {
      strides: [number, number] | number;
      pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      inputShape: [number, number, number, number];
    };
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
    const padT = kh - 1 - info.padInfo.top;
    const padL = kw - 1 - info.padInfo.left;
    const padB = H - oh - padT + kh - 1;
    const padR = W - ow - padL + kw - 1;
    if (info.strideHeight !== 1 || info.strideWidth !== 1 || Math.min(padT, padL, padB, padR) < 0)
      return fallback(args);
    const made: TensorInfo[] = [];
    const run = (f: KernelFunc, a: Parameters<KernelFunc>[0]): TensorInfo => {
      const out = f(a) as TensorInfo;
      made.push(out);
      return out;
    };
    try {
      const flipped = run(kernel('Reverse'), { inputs: { x: filter }, backend, attrs: { dims: [0, 1] } });
      const swapped = run(kernel('Transpose'), {
        inputs: { x: flipped },
        backend,
        attrs: { perm: [0, 1, 3, 2] },
      });
      return kernel('Conv2D')({
        inputs: { x: dy, filter: swapped },
        backend,
        attrs: {
          strides: [1, 1],
          pad: [
            [0, 0],
            [padT, padB],
            [padL, padR],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [1, 1],
        },
      });
    } finally {
      for (const t of made) (backend as tf.KernelBackend).disposeData(t.dataId);
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
