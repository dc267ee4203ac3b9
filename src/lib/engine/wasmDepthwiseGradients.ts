/**
 * Depthwise convolution gradients for tfjs-backend-wasm, which has the forward kernel but
 * neither gradient, so MobileNet-style nets could not train on it ("Kernel
 * 'DepthwiseConv2dNativeBackpropInput' not registered for backend 'wasm'"). Both are composed
 * from kernels wasm has. Filter [kh, kw, c, m] (m: channel multiplier), dy [n, oh, ow, c·m].
 *
 * Input gradient: each channel's dx is dy's channel correlated with its own kernel rotated by
 * 180°, exactly as for Conv2D (see wasmConvGradients.ts) but channel by channel: dy spread apart
 * by the stride, then a stride-1 DepthwiseConv2dNative. With m > 1, the c·m results are summed
 * in groups of m back to c channels.
 *
 * Filter gradient: dW[a, b, ch, j] = Σ_n,i,k xPadded[n, i·s + a, k·s + b, ch] · dy[n, i, k, ch·m + j]
 * is itself a depthwise convolution: lay the n examples' channels side by side as one image of
 * n·c channels, use dy (likewise laid out) as an oh × ow kernel dilated by the stride, and the
 * kh × kw output holds every tap of every example; a sum over the examples finishes it. (A
 * strided slice per tap was 20× slower: wasm's StridedSlice is a generic element loop.)
 */
import { tf } from './tf';
import { scope, type KernelFunc, type Padding, type TensorInfo } from './wasmKernelKit';

interface DepthwiseAttrs {
  strides: [number, number] | number;
  dilations?: [number, number] | number;
  pad: Padding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function depthwiseInfo(
  xShape: number[],
  filterShape: number[],
  attrs: DepthwiseAttrs,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
}

function assertUndilated(info: tf.backend_util.Conv2DInfo): void {
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1)
    throw new Error('depthwise convolution gradients support dilation 1 only');
}

const backpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as DepthwiseAttrs & { inputShape: [number, number, number, number] };
  const info = depthwiseInfo(a.inputShape, filter.shape, a);
  assertUndilated(info);
  const [n = 1, H = 0, W = 0, c = 1] = a.inputShape;
  const [kh = 1, kw = 1, , m = 1] = filter.shape;
  const [, oh = 0, ow = 0] = dy.shape;
  const padT = kh - 1 - info.padInfo.top;
  const padL = kw - 1 - info.padInfo.left;
  const padB = H + kh - 1 - padT - oh * info.strideHeight;
  const padR = W + kw - 1 - padL - ow * info.strideWidth;
  if (padT < 0 || padL < 0) throw new Error('depthwise input gradient: padding larger than the kernel');
  const k = scope(backend);
  try {
    let spread = k.spread(dy, [info.strideHeight, info.strideWidth]);
    if (padB < 0 || padR < 0) {
      const [sn = 1, sh = 1, sw = 1, sc = 1] = spread.shape;
      spread = k.run(
        'Slice',
        { x: spread },
        { begin: [0, 0, 0, 0], size: [sn, sh + Math.min(padB, 0), sw + Math.min(padR, 0), sc] },
      );
    }
    const rotated = k.reshape(k.run('Reverse', { x: filter }, { dims: [0, 1] }), [kh, kw, c * m, 1]);
    const convAttrs = {
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [padT, Math.max(padB, 0)],
        [padL, Math.max(padR, 0)],
        [0, 0],
      ],
      dimRoundingMode: undefined,
    };
    if (m === 1) return k.keep('DepthwiseConv2dNative', { x: spread, filter: rotated }, convAttrs);
    const each = k.run('DepthwiseConv2dNative', { x: spread, filter: rotated }, convAttrs);
    return k.keep('Sum', { x: k.reshape(each, [n, H, W, c, m]) }, { axis: [4], keepDims: false });
  } finally {
    k.free();
  }
};

const backpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as DepthwiseAttrs & { filterShape: [number, number, number, number] };
  const info = depthwiseInfo(x.shape, a.filterShape, a);
  assertUndilated(info);
  const [n = 1, H = 0, W = 0, c = 1] = x.shape;
  const [kh, kw, , m] = a.filterShape;
  const [, oh = 0, ow = 0] = dy.shape;
  const { top, bottom, left, right } = info.padInfo;
  const k = scope(backend);
  try {
    // Channels (n, ch) side by side: x as one [H, W, n·c] image, dy as its [oh, ow, n·c, m] kernel.
    const image = k.reshape(k.run('Transpose', { x }, { perm: [1, 2, 0, 3] }), [1, H, W, n * c]);
    const kernel = k.reshape(k.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }), [oh, ow, n * c, m]);
    const taps = k.run(
      'DepthwiseConv2dNative',
      { x: image, filter: kernel },
      {
        strides: [1, 1],
        dilations: [info.strideHeight, info.strideWidth],
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dimRoundingMode: undefined,
      },
    );
    // The padding can make room for more than kh × kw taps; the extra ones are not weights.
    const [, th = 0, tw = 0] = taps.shape;
    const cut =
      th === kh && tw === kw
        ? taps
        : k.run('Slice', { x: taps }, { begin: [0, 0, 0, 0], size: [1, kh, kw, n * c * m] });
    const perExample = k.reshape(cut, [kh, kw, n, c * m]);
    const summed = k.run('Sum', { x: perExample }, { axis: [2], keepDims: false });
    return k.keep('Reshape', { x: summed }, { shape: [kh, kw, c, m] });
  } finally {
    k.free();
  }
};

let registered = false;

/** Registers both depthwise gradient kernels on the wasm backend once. */
export function registerWasmDepthwiseGradients(): void {
  if (registered) return;
  registered = true;
  for (const [kernelName, kernelFunc] of [
    ['DepthwiseConv2dNativeBackpropInput', backpropInput],
    ['DepthwiseConv2dNativeBackpropFilter', backpropFilter],
  ] as const)
    if (!tf.getKernel(kernelName, 'wasm')) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
}
