/**
 * Every layer type CNN Studio writes to Caffe, mapped to an emitter: the window layers
 * from caffeEmit.ts and the element-wise, joining, normalising and loss layers here.
 */
import { bool, ints, num, str } from '../../layers/shared/params';
import { edges } from '../../layers/shared/edges2d';
import {
  activationBlock,
  hw,
  inPlaceTop,
  WINDOW_EMITTERS,
  type EmitContext,
  type Emitted,
  type Emitter,
  type Fields,
} from './caffeEmit';

const src = (ctx: EmitContext, k = 0) => ctx.blob(ctx.layer.inputs[k] ?? '');

function inPlace(ctx: EmitContext, type: string, fields: Fields = []): Emitted {
  return { layers: [{ name: ctx.layer.id, type, bottoms: [src(ctx)], top: inPlaceTop(ctx), fields }] };
}

const namedActivation =
  (name: string): Emitter =>
  (ctx) => {
    // Deploy files give the softmax its own "prob" blob; the other activations run in place.
    const top = name === 'softmax' ? ctx.layer.id : inPlaceTop(ctx);
    const block = activationBlock(ctx, name, ctx.layer.id, src(ctx), top);
    return block ? { layers: [block] } : { alias: src(ctx) };
  };

/** Our axis (channels last, Keras counting) as the axis of an N×C×H×W blob. */
function caffeAxis(ctx: EmitContext, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank + 1 : axis;
  if (a === rank) return 1;
  if (rank === 3 && (a === 1 || a === 2)) return a + 1;
  return ctx.fail(`axis ${axis} has no Caffe equivalent`, `轴 ${axis} 在 Caffe 中没有对应`);
}

function nchw(shape: number[]): number[] {
  if (shape.length <= 1) return [1, ...shape];
  const c = shape[shape.length - 1] ?? 1;
  return [1, c, ...shape.slice(0, -1)];
}

const input: Emitter = (ctx) => ({
  layers: [
    {
      name: ctx.layer.id,
      type: 'Input',
      fields: [
        [
          'input_param',
          [['shape', nchw(ints(ctx.layer.params, 'shape')).map((d): [string, number] => ['dim', d])]],
        ],
      ],
    },
  ],
});

const merge =
  (operation: string, coeff: number[] = []): Emitter =>
  (ctx) => ({
    layers: [
      {
        name: ctx.layer.id,
        type: 'Eltwise',
        bottoms: ctx.layer.inputs.map((i) => ctx.blob(i)),
        fields: [
          ['eltwise_param', [['operation', operation], ...coeff.map((c): [string, number] => ['coeff', c])]],
        ],
      },
    ],
  });

const transpose: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const [kh = 1, kw = 1] = ints(p, 'kernelSize');
  const [sh = 1, sw = 1] = ints(p, 'strides');
  const same = str(p, 'padding') === 'same';
  if (same && ((kh - sh) % 2 !== 0 || (kw - sw) % 2 !== 0 || kh < sh || kw < sw))
    ctx.fail(
      'with same padding Caffe needs kernel − stride to be even and not negative',
      'same 填充时 Caffe 要求 卷积核 − 步长 为非负偶数',
    );
  if (!same && (kh < sh || kw < sw))
    ctx.fail('Caffe needs the kernel to be at least the stride', 'Caffe 要求卷积核不小于步长');
  const fields: Fields = [['num_output', num(p, 'filters')]];
  if (!bool(p, 'useBias')) fields.push(['bias_term', false]);
  fields.push(
    ...hw('pad', same ? [(kh - sh) / 2, (kw - sw) / 2] : [0, 0], 0),
    ...hw('kernel', [kh, kw]),
    ...hw('stride', [sh, sw], 1),
  );
  const act = str(p, 'activation');
  const extra = activationBlock(ctx, act, `${ctx.layer.id}_${act}`, ctx.layer.id, ctx.layer.id);
  const block = {
    name: ctx.layer.id,
    type: 'Deconvolution',
    bottoms: [src(ctx)],
    fields: [['convolution_param', fields]] as Fields,
  };
  return { layers: extra ? [block, extra] : [block] };
};

const batchNorm: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const rank = ctx.shape(ctx.layer.inputs[0] ?? '').length;
  if (caffeAxis(ctx, num(p, 'axis'), rank) !== 1)
    ctx.fail('Caffe normalises over the channels only', 'Caffe 只沿通道归一化');
  const top = inPlaceTop(ctx);
  const fields: Fields = [
    [
      'batch_norm_param',
      [
        ['use_global_stats', true],
        ['moving_average_fraction', num(p, 'momentum')],
        ['eps', num(p, 'epsilon')],
      ],
    ],
  ];
  const layers = [{ name: ctx.layer.id, type: 'BatchNorm', bottoms: [src(ctx)], top, fields }];
  // Caffe's BatchNorm only normalises; the learned gamma and beta are a Scale (or Bias) layer.
  if (bool(p, 'scale'))
    layers.push({
      name: `${ctx.layer.id}_scale`,
      type: 'Scale',
      bottoms: [top],
      top,
      fields: [['scale_param', [['bias_term', bool(p, 'center')]]]],
    });
  else if (bool(p, 'center'))
    layers.push({ name: `${ctx.layer.id}_bias`, type: 'Bias', bottoms: [top], top, fields: [] });
  return { layers };
};

const crop: Emitter = (ctx) => {
  const out = ctx.shape(ctx.layer.id);
  const e = edges(ints(ctx.layer.params, 'cropping'));
  // Caffe crops to the size of a second blob: an earlier layer of the wanted height and width (inputs first).
  const here = ctx.allLayers.indexOf(ctx.layer);
  const fits = (id: string) => {
    const s = ctx.shape(id);
    return s.length === 3 && s[0] === out[0] && s[1] === out[1];
  };
  const earlier = ctx.allLayers.slice(0, here).filter((l) => fits(l.id));
  const ref = earlier.find((l) => l.type === 'Input') ?? earlier[0];
  if (!ref)
    return ctx.fail(
      `Caffe crops to the size of another blob, and no earlier layer is ${out[0]}×${out[1]}`,
      `Caffe 按另一个 blob 的大小裁剪，而之前没有 ${out[0]}×${out[1]} 的层`,
    );
  const offsets: Fields =
    e.top === e.left
      ? [['offset', e.top]]
      : [
          ['offset', e.top],
          ['offset', e.left],
        ];
  return {
    layers: [
      {
        name: ctx.layer.id,
        type: 'Crop',
        bottoms: [src(ctx), ctx.blob(ref.id)],
        fields: [['crop_param', [['axis', 2], ...offsets]]],
      },
    ],
  };
};

const loss =
  (type: string): Emitter =>
  (ctx) => ({ layers: [{ name: ctx.layer.id, type, bottoms: ctx.layer.inputs.map((i) => ctx.blob(i)) }] });

const globalPool =
  (kind: string): Emitter =>
  (ctx) => ({
    layers: [
      {
        name: ctx.layer.id,
        type: 'Pooling',
        bottoms: [src(ctx)],
        fields: [
          [
            'pooling_param',
            [
              ['pool', kind],
              ['global_pooling', true],
            ],
          ],
        ],
      },
    ],
  });

export const EMITTERS: Record<string, Emitter> = {
  ...WINDOW_EMITTERS,
  Input: input,
  Activation: (ctx) => namedActivation(str(ctx.layer.params, 'activation'))(ctx),
  ReLU: (ctx) =>
    num(ctx.layer.params, 'maxValue') > 0
      ? ctx.fail('Caffe has no capped ReLU', 'Caffe 没有带上限的 ReLU')
      : inPlace(ctx, 'ReLU'),
  LeakyReLU: (ctx) =>
    inPlace(ctx, 'ReLU', [['relu_param', [['negative_slope', num(ctx.layer.params, 'alpha')]]]]),
  ELU: (ctx) => inPlace(ctx, 'ELU', [['elu_param', [['alpha', num(ctx.layer.params, 'alpha')]]]]),
  PReLU: (ctx) => {
    const rank = ctx.shape(ctx.layer.inputs[0] ?? '').length;
    const shared = ints(ctx.layer.params, 'sharedAxes');
    const perChannel = shared.length === rank - 1 && !shared.includes(rank);
    if (!perChannel && shared.length !== rank)
      ctx.fail(
        'Caffe learns one slope per channel or one for all',
        'Caffe 只能为每个通道或全部共用学习一个斜率',
      );
    return inPlace(ctx, 'PReLU', perChannel ? [] : [['prelu_param', [['channel_shared', true]]]]);
  },
  Sigmoid: namedActivation('sigmoid'),
  Tanh: namedActivation('tanh'),
  Softplus: namedActivation('softplus'),
  Softmax: (ctx) => {
    const rank = ctx.shape(ctx.layer.inputs[0] ?? '').length;
    if (caffeAxis(ctx, num(ctx.layer.params, 'axis'), rank) !== 1)
      ctx.fail('Caffe exports only a softmax over the channels', '只能导出沿通道的 softmax');
    return namedActivation('softmax')(ctx);
  },
  LRN: (ctx) => {
    const p = ctx.layer.params;
    const size = 2 * num(p, 'depthRadius') + 1;
    return {
      layers: [
        {
          name: ctx.layer.id,
          type: 'LRN',
          bottoms: [src(ctx)],
          fields: [
            [
              'lrn_param',
              [
                ['local_size', size],
                ['alpha', num(p, 'alpha') * size],
                ['beta', num(p, 'beta')],
                ['k', num(p, 'bias')],
              ],
            ],
          ],
        },
      ],
    };
  },
  Concatenate: (ctx) => {
    const rank = ctx.shape(ctx.layer.inputs[0] ?? '').length;
    const axis = caffeAxis(ctx, num(ctx.layer.params, 'axis'), rank);
    return {
      layers: [
        {
          name: ctx.layer.id,
          type: 'Concat',
          bottoms: ctx.layer.inputs.map((i) => ctx.blob(i)),
          fields: axis === 1 ? [] : [['concat_param', [['axis', axis]]]],
        },
      ],
    };
  },
  Add: merge('SUM'),
  Multiply: merge('PROD'),
  Maximum: merge('MAX'),
  Subtract: merge('SUM', [1, -1]),
  Dropout: (ctx) =>
    inPlace(ctx, 'Dropout', [['dropout_param', [['dropout_ratio', num(ctx.layer.params, 'rate')]]]]),
  BatchNormalization: batchNorm,
  Reshape: (ctx) => {
    const dims = nchw(ints(ctx.layer.params, 'targetShape'));
    return {
      layers: [
        {
          name: ctx.layer.id,
          type: 'Reshape',
          bottoms: [src(ctx)],
          fields: [
            ['reshape_param', [['shape', dims.map((d, k): [string, number] => ['dim', k === 0 ? 0 : d])]]],
          ],
        },
      ],
    };
  },
  Cropping2D: crop,
  Conv2DTranspose: transpose,
  GlobalMaxPooling2D: globalPool('MAX'),
  GlobalAveragePooling2D: globalPool('AVE'),
  SoftmaxCrossEntropy: loss('SoftmaxWithLoss'),
  BinaryCrossEntropy: loss('SigmoidCrossEntropyLoss'),
  MeanSquaredError: loss('EuclideanLoss'),
  Hinge: loss('HingeLoss'),
};
