/** Conv and ConvTranspose nodes → Conv2D, DepthwiseConv2D, GroupedConv2D, Conv2DTranspose. */
import type { LayerParams } from '../../spec/types';
import type { NodeContext } from './onnxBuilder';
import { choosePadding, readGeometry } from './onnxWindow';
import { imageInput, nchwAct, padded } from './onnxImage';
import { chw } from './onnxValues';
import { convKernel, depthwiseKernel, transposedKernel } from './onnxWeights';
import type { Const } from './onnxTensor';

function weightsOf(ctx: NodeContext): { w: Const; bias: Const | undefined } {
  const w = ctx.constant(1, 'weights');
  if (!w) return ctx.fail('has no weights (input 2)', '没有权重（第 2 个输入）');
  if (w.dims.length !== 4)
    ctx.fail(
      `its weights are ${w.dims.join('×')}; CNN Studio reads 2-D convolutions (4-D weights)`,
      `它的权重为 ${w.dims.join('×')}；CNN Studio 只读取二维卷积（四维权重）`,
    );
  const bias = ctx.constant(2, 'bias');
  return { w, bias };
}

function checkKernelShape(ctx: NodeContext, kernel: number[]): void {
  const given = ctx.attrs.ints('kernel_shape', null);
  if (given && given.join(',') !== kernel.join(','))
    ctx.fail(
      `kernel_shape [${given.join(', ')}] does not match its weights' ${kernel.join('×')}`,
      `kernel_shape [${given.join(', ')}] 与权重的 ${kernel.join('×')} 不符`,
    );
}

function checkBias(ctx: NodeContext, bias: Const | undefined, m: number): void {
  if (bias && bias.data.length !== m)
    ctx.fail(
      `its bias has ${bias.data.length} values; ${m} output channels need ${m}`,
      `它的偏置有 ${bias.data.length} 个值；${m} 个输出通道需要 ${m} 个`,
    );
}

export function convNode(ctx: NodeContext): void {
  const x = imageInput(ctx, 0);
  const { w, bias } = weightsOf(ctx);
  const [m = 0, perGroup = 0, kh = 0, kw = 0] = w.dims;
  const [c, h, wd] = chw(x);
  const group = ctx.attrs.int('group', 1);
  if (group < 1 || perGroup * group !== c || m % group !== 0)
    ctx.fail(
      `group ${group} with weights ${w.dims.join('×')} does not fit an input of ${c} channels`,
      `group ${group} 与权重 ${w.dims.join('×')} 不适合 ${c} 个通道的输入`,
    );
  checkBias(ctx, bias, m);
  checkKernelShape(ctx, [kh, kw]);
  const g = readGeometry(ctx, [kh, kw], [h, wd], false);
  const pad = choosePadding(ctx, g, [h, wd], { same: true, zeros: true });
  const input = padded(ctx, x, pad);
  const dilated = g.dilations.some((d) => d !== 1);
  const common: LayerParams = {
    kernelSize: g.kernel,
    strides: g.strides,
    padding: pad.padding,
    activation: 'linear',
    useBias: bias !== undefined,
  };
  const weights: Record<string, Float32Array> = bias ? { bias: bias.data as Float32Array } : {};
  let id: string;
  if (group === 1) {
    weights.kernel = convKernel(w.data as Float32Array, w.dims);
    id = ctx.add('Conv2D', { ...common, filters: m, dilation: g.dilations }, [input], weights);
  } else if (group === c && !dilated) {
    weights.depthwise_kernel = depthwiseKernel(w.data as Float32Array, w.dims, c);
    id = ctx.add('DepthwiseConv2D', { ...common, depthMultiplier: m / c }, [input], weights);
  } else {
    weights.kernel = convKernel(w.data as Float32Array, w.dims);
    id = ctx.add(
      'GroupedConv2D',
      { ...common, filters: m, groups: group, dilation: g.dilations },
      [input],
      weights,
    );
  }
  ctx.output(0, nchwAct(id, m, g.out[0], g.out[1]));
}

export function convTransposeNode(ctx: NodeContext): void {
  const x = imageInput(ctx, 0);
  const { w, bias } = weightsOf(ctx);
  const [cin = 0, m = 0, kh = 0, kw = 0] = w.dims;
  const [c, h, wd] = chw(x);
  const group = ctx.attrs.int('group', 1);
  if (group !== 1)
    ctx.fail(
      `group ${group} is not supported (tfjs has no grouped transposed convolution)`,
      `不支持 group ${group}（tfjs 没有分组转置卷积）`,
    );
  if (cin !== c)
    ctx.fail(
      `its weights are for ${cin} input channels; the input has ${c}`,
      `它的权重对应 ${cin} 个输入通道；输入有 ${c} 个`,
    );
  checkBias(ctx, bias, m);
  checkKernelShape(ctx, [kh, kw]);
  const dil = ctx.attrs.ints('dilations', null);
  if (dil && dil.some((d) => d !== 1))
    ctx.fail(
      `dilations [${dil.join(', ')}] are not supported (tfjs' Conv2DTranspose has none)`,
      `不支持 dilations [${dil.join(', ')}]（tfjs 的 Conv2DTranspose 没有膨胀）`,
    );
  const strides = ctx.attrs.ints('strides', null) ?? [1, 1];
  const outPad = ctx.attrs.ints('output_padding', null) ?? [0, 0];
  const outShape = ctx.attrs.ints('output_shape', null);
  const autoPad = ctx.attrs.string('auto_pad', 'NOTSET');
  let pads = ctx.attrs.ints('pads', null) ?? [0, 0, 0, 0];
  const k = [kh, kw];
  const size = [h, wd];
  const full = [0, 1].map((a) => ((size[a] ?? 0) - 1) * (strides[a] ?? 1) + (k[a] ?? 0) + (outPad[a] ?? 0));
  if (outShape || autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const target = outShape ? outShape.slice(-2) : size.map((n, a) => n * (strides[a] ?? 1));
    const total = [0, 1].map((a) => (full[a] ?? 0) - (target[a] ?? 0));
    const upper = autoPad !== 'SAME_LOWER';
    const head = total.map((t) => (upper ? Math.floor(t / 2) : t - Math.floor(t / 2)));
    pads = [head[0] ?? 0, head[1] ?? 0, (total[0] ?? 0) - (head[0] ?? 0), (total[1] ?? 0) - (head[1] ?? 0)];
  }
  const out = [0, 1].map((a) => (full[a] ?? 0) - (pads[a] ?? 0) - (pads[a + 2] ?? 0));
  const params: LayerParams = {
    filters: m,
    kernelSize: k,
    strides,
    activation: 'linear',
    useBias: bias !== undefined,
  };
  const weights: Record<string, Float32Array> = { kernel: transposedKernel(w.data as Float32Array, w.dims) };
  if (bias) weights.bias = bias.data as Float32Array;
  const sameHead = k.map((kk, a) => Math.floor(Math.max(kk - (strides[a] ?? 1), 0) / 2));
  const isSame = [0, 1].every(
    (a) => out[a] === (size[a] ?? 0) * (strides[a] ?? 1) && pads[a] === sameHead[a],
  );
  // tfjs' 'valid' output is (in − 1)·stride + max(kernel, stride): the rest is cropped away.
  const crop = [0, 1].map((a) => [
    pads[a] ?? 0,
    (pads[a + 2] ?? 0) - (outPad[a] ?? 0) + Math.max((strides[a] ?? 1) - (k[a] ?? 0), 0),
  ]);
  let id: string;
  if (isSame) id = ctx.add('Conv2DTranspose', { ...params, padding: 'same' }, [x.layer], weights);
  else if (crop.every(([b = 0, e = 0]) => b >= 0 && e >= 0) && pads.every((p) => p >= 0)) {
    id = ctx.add('Conv2DTranspose', { ...params, padding: 'valid' }, [x.layer], weights);
    const [[t = 0, b = 0] = [], [l = 0, r = 0] = []] = crop;
    if (t + b + l + r > 0) id = ctx.add('Cropping2D', { cropping: [t, b, l, r] }, [id], {}, 'crop');
  } else
    return ctx.fail(
      `its pads [${pads.join(', ')}] with output_padding [${outPad.join(', ')}] cannot be written with tfjs' Conv2DTranspose`,
      `它的 pads [${pads.join(', ')}] 与 output_padding [${outPad.join(', ')}] 无法用 tfjs 的 Conv2DTranspose 表示`,
    );
  ctx.output(0, nchwAct(id, m, out[0] ?? 0, out[1] ?? 0));
}
