/** Per layer type: the ONNX nodes that compute it, from the layer's params, inputs and weights. */
import type { LayerSpec } from '../../spec/types';
import { ints, num, str } from '../../layers/shared/params';
import { edges } from '../../layers/shared/edges2d';
import { hardSigmoidParams, TFJS_HARD_SIGMOID } from '../../layers/hardSigmoid';
import { OnnxGraphWriter, samePads, type Written } from './onnxExportGraph';

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

export type Emit = (c: EmitContext) => Written;

export const map = (c: EmitContext, tensor: string): Written => ({
  tensor,
  layout: 'nchw',
  shape: c.outShape,
});
export const vec = (c: EmitContext, tensor: string): Written => ({
  tensor,
  layout: 'vector',
  shape: c.outShape,
});
export const like = (c: EmitContext, tensor: string): Written => ({
  tensor,
  layout: c.inputs[0]?.layout ?? 'nchw',
  shape: c.outShape,
});

export function first(c: EmitContext, layout?: 'nchw' | 'vector'): Written {
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
    case 'hard_sigmoid': {
      const p = c.layer.type === 'HardSigmoid' ? hardSigmoidParams(c.layer.params) : TFJS_HARD_SIGMOID;
      return w.node('HardSigmoid', at, [x], { alpha: { float: p.alpha }, beta: { float: p.beta } });
    }
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

/** Per layer type, its ONNX nodes (the weighted layers' are in onnxExportWeighted.ts). */
export const EMITTERS: Readonly<Record<string, Emit>> = {
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
