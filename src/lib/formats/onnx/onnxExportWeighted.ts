/** The ONNX nodes of the layers with weights: convolutions, Dense, BatchNormalization, PReLU. */
import { bool, ints, num, str } from '../../layers/shared/params';
import { samePads, type Written } from './onnxExportGraph';
import { activation, first, like, map, vec, type Emit, type EmitContext } from './onnxExportLayers';
import { onnxConvKernel, onnxDepthwiseKernel, onnxTransposedKernel } from './onnxWeights';

function convLike(
  c: EmitContext,
  group: number,
  kernel: Float32Array,
  outChannels: number,
  perGroup: number,
): Written {
  const x = first(c, 'nchw');
  const k = ints(c.layer.params, 'kernelSize');
  const strides = ints(c.layer.params, 'strides');
  const dilation = c.layer.params.dilation ? ints(c.layer.params, 'dilation') : [1, 1];
  const pads =
    str(c.layer.params, 'padding') === 'same'
      ? samePads(c.inShapes[0] ?? [], k, strides, dilation)
      : [0, 0, 0, 0];
  const id = c.layer.id;
  const inputs = [x.tensor, c.w.weight(`${id}.weight`, [outChannels, perGroup, ...k], kernel)];
  if (bool(c.layer.params, 'useBias')) inputs.push(c.w.weight(`${id}.bias`, [outChannels], c.weight('bias')));
  const y = c.w.node('Conv', id, inputs, { kernel_shape: k, strides, dilations: dilation, pads, group });
  return map(c, activation(c, str(c.layer.params, 'activation'), y));
}

export const WEIGHTED_EMITTERS: Readonly<Record<string, Emit>> = {
  Conv2D: (c) => {
    const k = ints(c.layer.params, 'kernelSize');
    const cin = c.inShapes[0]?.[2] ?? 0;
    const m = num(c.layer.params, 'filters');
    return convLike(c, 1, onnxConvKernel(c.weight('kernel'), [...k, cin, m]), m, cin);
  },
  GroupedConv2D: (c) => {
    const k = ints(c.layer.params, 'kernelSize');
    const g = num(c.layer.params, 'groups');
    const per = (c.inShapes[0]?.[2] ?? 0) / g;
    const m = num(c.layer.params, 'filters');
    return convLike(c, g, onnxConvKernel(c.weight('kernel'), [...k, per, m]), m, per);
  },
  DepthwiseConv2D: (c) => {
    const k = ints(c.layer.params, 'kernelSize');
    const ch = c.inShapes[0]?.[2] ?? 0;
    const mult = num(c.layer.params, 'depthMultiplier');
    return convLike(c, ch, onnxDepthwiseKernel(c.weight('depthwise_kernel'), [...k, ch, mult]), ch * mult, 1);
  },
  Conv2DTranspose: (c) => {
    const x = first(c, 'nchw');
    const k = ints(c.layer.params, 'kernelSize');
    const s = ints(c.layer.params, 'strides');
    const cin = c.inShapes[0]?.[2] ?? 0;
    const m = num(c.layer.params, 'filters');
    const same = str(c.layer.params, 'padding') === 'same';
    const total = k.map((kk, a) => (same ? Math.max(kk - (s[a] ?? 1), 0) : 0));
    const head = total.map((t) => Math.floor(t / 2));
    const pads = [...head, ...total.map((t, a) => t - (head[a] ?? 0))];
    const outputPadding = k.map((kk, a) => Math.max((s[a] ?? 1) - kk, 0));
    const id = c.layer.id;
    const inputs = [
      x.tensor,
      c.w.weight(`${id}.weight`, [cin, m, ...k], onnxTransposedKernel(c.weight('kernel'), [...k, m, cin])),
    ];
    if (bool(c.layer.params, 'useBias')) inputs.push(c.w.weight(`${id}.bias`, [m], c.weight('bias')));
    const y = c.w.node('ConvTranspose', id, inputs, {
      kernel_shape: k,
      strides: s,
      pads,
      output_padding: outputPadding,
    });
    return map(c, activation(c, str(c.layer.params, 'activation'), y));
  },
  Dense: (c) => {
    const x = first(c, 'vector');
    const id = c.layer.id;
    const units = num(c.layer.params, 'units');
    const k = c.inShapes[0]?.[0] ?? 0;
    const inputs = [x.tensor, c.w.weight(`${id}.weight`, [k, units], c.weight('kernel'))];
    if (bool(c.layer.params, 'useBias')) inputs.push(c.w.weight(`${id}.bias`, [units], c.weight('bias')));
    return vec(c, activation(c, str(c.layer.params, 'activation'), c.w.node('Gemm', id, inputs)));
  },
  BatchNormalization: (c) => {
    const x = first(c);
    const p = c.layer.params;
    const axis = num(p, 'axis');
    const rank = c.inShapes[0]?.length ?? 0;
    if (axis !== -1 && axis !== rank)
      c.w.fail(c.layer.id, 'normalises along an axis other than the channels', '沿通道以外的轴归一化');
    const n = c.outShape[rank - 1] ?? 0;
    const id = c.layer.id;
    const gamma = bool(p, 'scale') ? c.weight('gamma') : new Float32Array(n).fill(1);
    const beta = bool(p, 'center') ? c.weight('beta') : new Float32Array(n);
    const inputs = [
      x.tensor,
      c.w.weight(`${id}.weight`, [n], gamma),
      c.w.weight(`${id}.bias`, [n], beta),
      c.w.weight(`${id}.running_mean`, [n], c.weight('moving_mean')),
      c.w.weight(`${id}.running_var`, [n], c.weight('moving_variance')),
    ];
    return like(
      c,
      c.w.node('BatchNormalization', id, inputs, {
        epsilon: { float: num(p, 'epsilon') },
        momentum: { float: num(p, 'momentum') },
      }),
    );
  },
  PReLU: (c) => {
    const x = first(c);
    const shape = c.inShapes[0] ?? [];
    const shared = ints(c.layer.params, 'sharedAxes');
    const ours = shape.map((n, i) => (shared.includes(i + 1) ? 1 : n));
    const alpha = c.weight('alpha');
    if (x.layout !== 'nchw' || ours.length !== 3)
      return like(
        c,
        c.w.node('PRelu', c.layer.id, [x.tensor, c.w.weight(`${c.layer.id}.weight`, ours, alpha)]),
      );
    const [h = 1, wd = 1, ch = 1] = ours;
    const slope = new Float32Array(alpha.length);
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < wd; xx++)
        for (let k = 0; k < ch; k++) slope[(k * h + y) * wd + xx] = alpha[(y * wd + xx) * ch + k] ?? 0;
    return like(
      c,
      c.w.node('PRelu', c.layer.id, [x.tensor, c.w.weight(`${c.layer.id}.weight`, [ch, h, wd], slope)]),
    );
  },
};
