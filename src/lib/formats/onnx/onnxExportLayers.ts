/** Per layer type: the ONNX nodes that compute it, from the layer's params, inputs and weights. */
import type { LayerSpec } from '../../spec/types';
import { bool, ints, num, str } from '../../layers/shared/params';
import { edges } from '../../layers/shared/edges2d';
import { OnnxGraphWriter, samePads, type Written } from './onnxExportGraph';
import { onnxConvKernel, onnxDepthwiseKernel, onnxTransposedKernel } from './onnxWeights';

export interface EmitContext {
  w: OnnxGraphWriter;
  layer: LayerSpec;
  inputs: Written[];
  /** Our input shapes and output shape. */
  inShapes: number[][];
  outShape: number[];
  weight(name: string): Float32Array;
  has(name: string): boolean;
}

type Emit = (c: EmitContext) => Written;

const map = (c: EmitContext, tensor: string): Written => ({ tensor, layout: 'nchw', shape: c.outShape });
const vec = (c: EmitContext, tensor: string): Written => ({ tensor, layout: 'vector', shape: c.outShape });
const like = (c: EmitContext, tensor: string): Written => ({
  tensor,
  layout: c.inputs[0]?.layout ?? 'nchw',
  shape: c.outShape,
});

function first(c: EmitContext, layout?: 'nchw' | 'vector'): Written {
  const x = c.inputs[0];
  if (!x) return c.w.fail(c.layer.id, 'has no input', '没有输入');
  if (x.layout === 'chw')
    c.w.fail(
      c.layer.id,
      'reads a permuted map; only Flatten can be written after Permute',
      '读取了重排后的特征图；Permute 之后只能写出 Flatten',
    );
  if (layout && x.layout !== layout)
    c.w.fail(
      c.layer.id,
      `needs ${layout === 'nchw' ? 'a feature map' : 'a vector'} as input`,
      `需要${layout === 'nchw' ? '特征图' : '向量'}作为输入`,
    );
  return x;
}

/** The nodes of an activation function by its tfjs name, after tensor `x`. */
export function activation(c: EmitContext, name: string, x: string, axis = 1): string {
  const { w } = c;
  const at = `${c.layer.id}`;
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return w.node('Relu', at, [x]);
    case 'relu6':
      return w.node('Clip', at, [x, w.scalar(`${at}.min`, 0), w.scalar(`${at}.max`, 6)]);
    case 'sigmoid':
      return w.node('Sigmoid', at, [x]);
    case 'tanh':
      return w.node('Tanh', at, [x]);
    case 'softmax':
      return w.node('Softmax', at, [x], { axis });
    case 'elu':
      return w.node('Elu', at, [x], { alpha: { float: 1 } });
    case 'selu':
      return w.node('Selu', at, [x]);
    case 'softplus':
      return w.node('Softplus', at, [x]);
    case 'softsign':
      return w.node('Softsign', at, [x]);
    case 'hard_sigmoid':
      return w.node('HardSigmoid', at, [x], { alpha: { float: 0.2 }, beta: { float: 0.5 } });
    case 'hard_swish':
      w.opset = Math.max(w.opset, 14);
      return w.node('HardSwish', at, [x]);
    case 'swish':
      return w.node('Mul', at, [x, w.node('Sigmoid', `${at}/sigmoid`, [x])]);
    default:
      return w.fail(
        c.layer.id,
        `the activation "${name}" has no ONNX operator here`,
        `激活函数 “${name}” 在此没有对应的 ONNX 算子`,
      );
  }
}

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

const pool =
  (op: 'MaxPool' | 'AveragePool'): Emit =>
  (c) => {
    const x = first(c, 'nchw');
    const k = ints(c.layer.params, 'poolSize');
    const strides = ints(c.layer.params, 'strides');
    const pads =
      str(c.layer.params, 'padding') === 'same' ? samePads(c.inShapes[0] ?? [], k, strides) : [0, 0, 0, 0];
    const extra: Record<string, number> = op === 'AveragePool' ? { count_include_pad: 0 } : {};
    return map(c, c.w.node(op, c.layer.id, [x.tensor], { kernel_shape: k, strides, pads, ...extra }));
  };

const globalPool =
  (op: string): Emit =>
  (c) => {
    const x = first(c, 'nchw');
    const pooled = c.w.node(op, `${c.layer.id}/pool`, [x.tensor]);
    return vec(c, c.w.node('Flatten', c.layer.id, [pooled], { axis: 1 }));
  };

const unary =
  (name: string): Emit =>
  (c) => {
    const x = first(c);
    return like(c, activation(c, name, x.tensor));
  };

/** A vector [N, C] as [N, C, 1, 1], to combine with a map as a per-channel value. */
function asMap(c: EmitContext, x: Written): string {
  if (x.layout !== 'vector') return x.tensor;
  return c.w.node('Unsqueeze', `${c.layer.id}/unsqueeze`, [x.tensor, c.w.ints(`${c.layer.id}.axes`, [2, 3])]);
}

const merge =
  (op: 'Add' | 'Sub' | 'Mul'): Emit =>
  (c) => {
    const anyMap = c.inputs.some((i) => i.layout === 'nchw');
    c.inputs.forEach(() => first(c));
    const tensors = c.inputs.map((i) => (anyMap ? asMap(c, i) : i.tensor));
    let y = tensors[0] ?? '';
    tensors.slice(1).forEach((t, k) => {
      y = c.w.node(op, k === tensors.length - 2 ? c.layer.id : `${c.layer.id}/${k}`, [y, t]);
    });
    return { tensor: y, layout: anyMap ? 'nchw' : 'vector', shape: c.outShape };
  };

export const EMITTERS: Readonly<Record<string, Emit>> = {
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
  Activation: (c) => {
    const x = first(c);
    return like(c, activation(c, str(c.layer.params, 'activation'), x.tensor, x.layout === 'nchw' ? 1 : -1));
  },
  ReLU: (c) => {
    const x = first(c);
    const cap = num(c.layer.params, 'maxValue');
    if (cap === 0) return like(c, c.w.node('Relu', c.layer.id, [x.tensor]));
    return like(
      c,
      c.w.node('Clip', c.layer.id, [
        x.tensor,
        c.w.scalar(`${c.layer.id}.min`, 0),
        c.w.scalar(`${c.layer.id}.max`, cap),
      ]),
    );
  },
  ReLU6: unary('relu6'),
  Sigmoid: unary('sigmoid'),
  Tanh: unary('tanh'),
  ELU: (c) => {
    const x = first(c);
    return like(
      c,
      c.w.node('Elu', c.layer.id, [x.tensor], { alpha: { float: num(c.layer.params, 'alpha') } }),
    );
  },
  SELU: unary('selu'),
  Softplus: unary('softplus'),
  Softsign: unary('softsign'),
  Swish: unary('swish'),
  HardSigmoid: unary('hard_sigmoid'),
  HardSwish: unary('hard_swish'),
  LeakyReLU: (c) => {
    const x = first(c);
    return like(
      c,
      c.w.node('LeakyRelu', c.layer.id, [x.tensor], { alpha: { float: num(c.layer.params, 'alpha') } }),
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
  Softmax: (c) => {
    const x = first(c);
    return like(c, c.w.node('Softmax', c.layer.id, [x.tensor], { axis: x.layout === 'nchw' ? 1 : -1 }));
  },
  MaxPooling2D: pool('MaxPool'),
  AveragePooling2D: pool('AveragePool'),
  GlobalAveragePooling2D: globalPool('GlobalAveragePool'),
  GlobalMaxPooling2D: globalPool('GlobalMaxPool'),
  Flatten: (c) => {
    const x = c.inputs[0];
    if (!x) return c.w.fail(c.layer.id, 'has no input', '没有输入');
    if (x.layout === 'vector') return vec(c, x.tensor);
    // Ours flattens in HWC order; ONNX flattens what it is given, so an NCHW map is put channels-last first.
    const src =
      x.layout === 'chw'
        ? x.tensor
        : c.w.node('Transpose', `${c.layer.id}/nhwc`, [x.tensor], { perm: [0, 2, 3, 1] });
    return vec(c, c.w.node('Flatten', c.layer.id, [src], { axis: 1 }));
  },
  Permute: (c) => {
    const x = first(c, 'nchw');
    if (ints(c.layer.params, 'dims').join(',') !== '3,1,2')
      c.w.fail(
        c.layer.id,
        'only Permute [3, 1, 2] (channels first, before a Flatten) can be written',
        '只能写出 Permute [3, 1, 2]（通道在前，位于 Flatten 之前）',
      );
    return { tensor: x.tensor, layout: 'chw', shape: c.outShape };
  },
  Dropout: (c) => {
    const x = first(c);
    return like(
      c,
      c.w.node('Dropout', c.layer.id, [
        x.tensor,
        c.w.scalar(`${c.layer.id}.ratio`, num(c.layer.params, 'rate')),
      ]),
    );
  },
  Add: merge('Add'),
  Subtract: merge('Sub'),
  Multiply: merge('Mul'),
  Concatenate: (c) => {
    c.inputs.forEach(() => first(c));
    const rank = c.outShape.length;
    const axis = num(c.layer.params, 'axis');
    if (axis !== -1 && axis !== rank)
      c.w.fail(c.layer.id, 'joins along an axis other than the channels', '沿通道以外的轴拼接');
    return like(
      c,
      c.w.node(
        'Concat',
        c.layer.id,
        c.inputs.map((i) => i.tensor),
        { axis: 1 },
      ),
    );
  },
  ZeroPadding2D: (c) => {
    const x = first(c, 'nchw');
    const e = edges(ints(c.layer.params, 'padding'));
    return map(
      c,
      c.w.node('Pad', c.layer.id, [
        x.tensor,
        c.w.ints(`${c.layer.id}.pads`, [0, 0, e.top, e.left, 0, 0, e.bottom, e.right]),
      ]),
    );
  },
  Cropping2D: (c) => {
    const x = first(c, 'nchw');
    const e = edges(ints(c.layer.params, 'cropping'));
    const [h = 0, wd = 0] = c.inShapes[0] ?? [];
    const id = c.layer.id;
    const args = [
      c.w.ints(`${id}.starts`, [e.top, e.left]),
      c.w.ints(`${id}.ends`, [h - e.bottom, wd - e.right]),
      c.w.ints(`${id}.axes`, [2, 3]),
    ];
    return map(c, c.w.node('Slice', id, [x.tensor, ...args]));
  },
  UpSampling2D: (c) => {
    const x = first(c, 'nchw');
    if (str(c.layer.params, 'interpolation') !== 'nearest')
      c.w.fail(c.layer.id, 'bilinear upsampling is not written to ONNX', '双线性上采样不会写入 ONNX');
    const [sh = 1, sw = 1] = ints(c.layer.params, 'size');
    const id = c.layer.id;
    const scales = c.w.weight(`${id}.scales`, [4], Float32Array.of(1, 1, sh, sw));
    return map(
      c,
      c.w.node('Resize', id, [x.tensor, '', scales], {
        mode: 'nearest',
        coordinate_transformation_mode: 'asymmetric',
        nearest_mode: 'floor',
      }),
    );
  },
  Reshape: (c) => {
    const x = first(c);
    const target = ints(c.layer.params, 'targetShape');
    const id = c.layer.id;
    if (target.length !== 1 && target.length !== 3)
      c.w.fail(id, 'reshapes to other than a vector or a map', '变形为向量或特征图以外的形状');
    const nhwc =
      x.layout === 'nchw'
        ? c.w.node('Transpose', `${id}/nhwc`, [x.tensor], { perm: [0, 2, 3, 1] })
        : x.tensor;
    const y = c.w.node('Reshape', target.length === 1 ? id : `${id}/nhwc_out`, [
      nhwc,
      c.w.ints(`${id}.shape`, [0, ...target]),
    ]);
    if (target.length === 1) return vec(c, y);
    return map(c, c.w.node('Transpose', id, [y], { perm: [0, 3, 1, 2] }));
  },
};
