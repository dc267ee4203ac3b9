/**
 * The input gradient of a depthwise convolution for tfjs-backend-wasm, which 4.22 lacks
 * (`DepthwiseConv2dNativeBackpropInput`): without it no gradient reaches the image through a
 * MobileNet, so saliency, Grad-CAM below a depthwise layer and adversarial examples fail.
 *
 * Forward (NHWC, channel multiplier M, dilation 1): y[b, i, j, c·M + m] =
 * Σ_{p,q} x[b, i·s + p − padTop, j·s + q − padLeft, c] · f[p, q, c, m]. Its input gradient is
 * dy with s − 1 zeros put between its rows and columns, correlated with the filter turned by
 * 180° (a depthwise convolution with one output per dy channel), summed over the M outputs of
 * each input channel. Composed from kernels wasm has: reshape, pad, slice, reverse, depthwise
 * convolution, sum. Dilated depthwise convolutions have no gradient in tfjs at all.
 */
import { tf } from './tf';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type TensorInfo = tf.TensorInfo;
type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

function kernel(name: string): KernelFunc {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`wasm backend has no ${name} kernel`);
  return k.kernelFunc;
}

const depthwiseBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const { strides, pad, dimRoundingMode, inputShape } = attrs as unknown as {
    strides: [number, number] | number;
    pad: Pad;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
  const [b, H, W, C] = inputShape;
  const [kh = 1, kw = 1, , M = 1] = filter.shape;
  const [, oh = 0, ow = 0, CM = 0] = dy.shape;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    true,
    'channelsLast',
  );
  const [sh, sw] = [info.strideHeight, info.strideWidth];
  const made: TensorInfo[] = [];
  const run = (name: string, args: Omit<Parameters<KernelFunc>[0], 'backend'>): TensorInfo => {
    const out = kernel(name)({ ...args, backend }) as TensorInfo;
    made.push(out);
    return out;
  };
  try {
    // dy with s − 1 zeros after each row and column, the trailing ones cut off.
    let d = dy;
    const hd = (oh - 1) * sh + 1;
    const wd = (ow - 1) * sw + 1;
    if (sh > 1 || sw > 1) {
      const six = run('Reshape', { inputs: { x: dy }, attrs: { shape: [b, oh, 1, ow, 1, CM] } });
      const padded = run('PadV2', {
        inputs: { x: six },
        attrs: {
          paddings: [
            [0, 0],
            [0, 0],
            [0, sh - 1],
            [0, 0],
            [0, sw - 1],
            [0, 0],
          ],
          constantValue: 0,
        },
      });
      const spread = run('Reshape', { inputs: { x: padded }, attrs: { shape: [b, oh * sh, ow * sw, CM] } });
      d = run('Slice', { inputs: { x: spread }, attrs: { begin: [0, 0, 0, 0], size: [b, hd, wd, CM] } });
    }
    const padT = kh - 1 - info.padInfo.top;
    const padL = kw - 1 - info.padInfo.left;
    const padB = Math.max(0, H - hd - padT + kh - 1);
    const padR = Math.max(0, W - wd - padL + kw - 1);
    if (padT < 0 || padL < 0) throw new Error('depthwise input gradient: padding larger than the kernel');
    const flipped = run('Reverse', { inputs: { x: filter }, attrs: { dims: [0, 1] } });
    const perChannel = run('Reshape', { inputs: { x: flipped }, attrs: { shape: [kh, kw, CM, 1] } });
    const full = run('DepthwiseConv2dNative', {
      inputs: { x: d, filter: perChannel },
      attrs: {
        strides: [1, 1],
        pad: [
          [0, 0],
          [padT, padB],
          [padL, padR],
          [0, 0],
        ],
        dilations: [1, 1],
        dataFormat: 'NHWC',
      },
    });
    const [, fh = 0, fw = 0] = full.shape;
    let summed = full;
    if (M > 1) {
      const split = run('Reshape', { inputs: { x: full }, attrs: { shape: [b, fh, fw, C, M] } });
      summed = run('Sum', { inputs: { x: split }, attrs: { axis: [4], keepDims: false } });
    }
    // The result leaves `made`, so the clean-up below does not free it.
    const out =
      fh === H && fw === W
        ? summed
        : (kernel('Slice')({
            inputs: { x: summed },
            backend,
            attrs: { begin: [0, 0, 0, 0], size: [b, H, W, C] },
          }) as TensorInfo);
    if (out === summed) made.splice(made.indexOf(summed), 1);
    return out;
  } finally {
    for (const t of made) (backend as tf.KernelBackend).disposeData(t.dataId);
  }
};

let registered = false;

/** Registers the kernel on the wasm backend once, unless the backend has its own. */
export function registerWasmDepthwiseGradients(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('DepthwiseConv2dNativeBackpropInput', 'wasm'))
    tf.registerKernel({
      kernelName: 'DepthwiseConv2dNativeBackpropInput',
      backendName: 'wasm',
      kernelFunc: depthwiseBackpropInput,
    });
}
