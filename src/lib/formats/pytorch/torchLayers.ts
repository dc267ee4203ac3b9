/**
 * Every layer type the PyTorch export writes, mapped to its module and forward line.
 * The window layers are in torchVision.ts; the rest sit here. Types without a mapping are
 * refused with a message naming the layer.
 */
import { bool, ints, num, str } from '../../layers/shared/params';
import { activationCall, activationModule } from './torchActivations';
import { hardSigmoidParams } from '../../layers/hardSigmoid';
import { goesBackwards } from '../../layers/shared/recurrent';
import {
  channelsFirst,
  fromChannelsLast,
  pyNumber,
  toChannelsLast,
  torchDim,
  type TorchContext,
  type TorchLayer,
  type TorchMapper,
} from './torchLayout';
import {
  convolution,
  cropping,
  globalPooling,
  pooling,
  transposed,
  upSampling,
  zeroPadding,
} from './torchVision';

const call =
  (ctor: (ctx: TorchContext) => string): TorchMapper =>
  (ctx) => ({ modules: [['', ctor(ctx)]], expr: ([x = '']) => `${ctx.attr}(${x})` });

const rankIn = (ctx: TorchContext) => (ctx.inShapes[0] ?? []).length;

const activationLayer =
  (name: (ctx: TorchContext) => string): TorchMapper =>
  (ctx) => {
    const rank = rankIn(ctx);
    const module = activationModule(name(ctx), rank);
    if (module) return { modules: [['', module]], expr: ([x = '']) => `${ctx.attr}(${x})` };
    return { modules: [], expr: ([x = '']) => activationCall(ctx, name(ctx), x, rank) };
  };

const dense: TorchMapper = (ctx) => {
  const p = ctx.layer.params;
  const input = ctx.inShapes[0] ?? [];
  const features = input[input.length - 1] ?? 0;
  const ctor = `nn.Linear(${features}, ${num(p, 'units')}${bool(p, 'useBias') ? '' : ', bias=False'})`;
  // A dense layer on an image acts on its channels at every position.
  const body = (x: string) =>
    fromChannelsLast(`${ctx.attr}(${toChannelsLast(x, input.length)})`, input.length);
  return {
    modules: [['', ctor]],
    expr: ([x = '']) => activationCall(ctx, str(p, 'activation'), body(x), ctx.outShape.length),
  };
};

const batchNorm: TorchMapper = (ctx) => {
  const p = ctx.layer.params;
  const rank = rankIn(ctx);
  if (torchDim(num(p, 'axis'), rank) !== (channelsFirst(rank) || rank === 1 ? 1 : rank))
    ctx.fail('PyTorch normalises over the channels only', 'PyTorch 只沿通道归一化');
  const input = ctx.inShapes[0] ?? [];
  const features = input[input.length - 1] ?? 0;
  const dims = rank === 4 ? 3 : rank === 3 ? 2 : 1;
  const affine = bool(p, 'scale') || bool(p, 'center') ? '' : ', affine=False';
  // Keras' momentum weighs the old average; PyTorch's weighs the new batch.
  const ctor = `nn.BatchNorm${dims}d(${features}, eps=${pyNumber(num(p, 'epsilon'))}, momentum=${pyNumber(1 - num(p, 'momentum'))}${affine})`;
  return {
    modules: [['', ctor]],
    expr: ([x = '']) =>
      rank === 2 ? `${ctx.attr}(${x}.transpose(1, 2)).transpose(1, 2)` : `${ctx.attr}(${x})`,
  };
};

const layerNorm: TorchMapper = (ctx) => {
  const p = ctx.layer.params;
  const rank = rankIn(ctx);
  const input = ctx.inShapes[0] ?? [];
  if ((num(p, 'axis') + rank + 1) % (rank + 1) !== rank)
    ctx.fail('only normalising over the last axis is supported', '只支持沿最后一个维度归一化');
  const affine = bool(p, 'scale') || bool(p, 'center') ? '' : ', elementwise_affine=False';
  const ctor = `nn.LayerNorm(${input[input.length - 1] ?? 0}, eps=${pyNumber(num(p, 'epsilon'))}${affine})`;
  return {
    modules: [['', ctor]],
    expr: ([x = '']) => fromChannelsLast(`${ctx.attr}(${toChannelsLast(x, rank)})`, rank),
  };
};

/** Element-wise merges; a vector meeting an image is lined up with its channels. */
const merge =
  (join: (xs: string[]) => string): TorchMapper =>
  (ctx) => ({
    modules: [],
    expr: (xs) =>
      join(
        xs.map((x, k) =>
          (ctx.inShapes[k] ?? []).length === 1 && channelsFirst(ctx.outShape.length)
            ? `${x}[:, :, None, None]`
            : x,
        ),
      ),
  });

const recurrent =
  (kind: 'RNN' | 'GRU' | 'LSTM'): TorchMapper =>
  (ctx) => {
    const p = ctx.layer.params;
    const input = ctx.inShapes[0] ?? [];
    const act = str(p, 'activation');
    if (kind !== 'RNN' && act !== 'tanh')
      ctx.fail(`PyTorch's ${kind} always uses tanh`, `PyTorch 的 ${kind} 总是使用 tanh`);
    if (kind === 'RNN' && act !== 'tanh' && act !== 'relu')
      ctx.fail("PyTorch's RNN uses tanh or relu", 'PyTorch 的 RNN 只能使用 tanh 或 relu');
    const extra = `${kind === 'RNN' && act === 'relu' ? ", nonlinearity='relu'" : ''}${bool(p, 'useBias') ? '' : ', bias=False'}`;
    const ctor = `nn.${kind}(${input[1] ?? 0}, ${num(p, 'units')}, batch_first=True${extra})`;
    const last = bool(p, 'returnSequences') ? '' : '[:, -1]';
    // go_backwards: the cell reads the steps reversed and returns its states in that order.
    const read = goesBackwards(p) ? '.flip(1)' : '';
    return { modules: [['', ctor]], expr: ([x = '']) => `${ctx.attr}(${x}${read})[0]${last}` };
  };

const reshape: TorchMapper = (ctx) => {
  const target = ints(ctx.layer.params, 'targetShape');
  const rank = rankIn(ctx);
  return {
    modules: [],
    expr: ([x = '']) =>
      fromChannelsLast(`${toChannelsLast(x, rank)}.reshape(-1, ${target.join(', ')})`, target.length),
  };
};

const permute: TorchMapper = (ctx) => {
  const dims = ints(ctx.layer.params, 'dims');
  const rank = rankIn(ctx);
  return {
    modules: [],
    expr: ([x = '']) =>
      fromChannelsLast(`${toChannelsLast(x, rank)}.permute(0, ${dims.join(', ')})`, dims.length),
  };
};

const identity =
  (remark: string): TorchMapper =>
  () => ({ modules: [], expr: ([x = '']) => x, remark });

const loss =
  (ctor: string): TorchMapper =>
  (ctx): TorchLayer => ({
    modules: [['', ctor]],
    expr: () => '',
    remark: `training loss: ${ctx.attr}(prediction, target)`,
  });

export const TORCH_LAYERS: Record<string, TorchMapper> = {
  Conv1D: convolution(1),
  Conv2D: convolution(2),
  Conv3D: convolution(3),
  GroupedConv2D: convolution(2),
  DepthwiseConv2D: convolution(2),
  SeparableConv2D: convolution(2),
  Conv2DTranspose: transposed,
  MaxPooling1D: pooling(1, 'Max'),
  MaxPooling2D: pooling(2, 'Max'),
  MaxPooling3D: pooling(3, 'Max'),
  AveragePooling1D: pooling(1, 'Avg'),
  AveragePooling2D: pooling(2, 'Avg'),
  AveragePooling3D: pooling(3, 'Avg'),
  GlobalMaxPooling1D: globalPooling(1, 'amax'),
  GlobalMaxPooling2D: globalPooling(2, 'amax'),
  GlobalMaxPooling3D: globalPooling(3, 'amax'),
  GlobalAveragePooling1D: globalPooling(1, 'mean'),
  GlobalAveragePooling2D: globalPooling(2, 'mean'),
  GlobalAveragePooling3D: globalPooling(3, 'mean'),
  UpSampling1D: upSampling(1),
  UpSampling2D: upSampling(2),
  UpSampling3D: upSampling(3),
  ZeroPadding2D: zeroPadding,
  Cropping2D: cropping,
  Flatten: (ctx) => ({
    modules: [['', 'nn.Flatten()']],
    expr: ([x = '']) => `${ctx.attr}(${x})`,
    remark: channelsFirst(rankIn(ctx))
      ? 'PyTorch flattens channel by channel (C, H, W), not position by position'
      : undefined,
  }),
  Dense: dense,
  Dropout: call((ctx) => `nn.Dropout(p=${pyNumber(num(ctx.layer.params, 'rate'))})`),
  AlphaDropout: call((ctx) => `nn.AlphaDropout(p=${pyNumber(num(ctx.layer.params, 'rate'))})`),
  GaussianDropout: identity('GaussianDropout only acts while training; PyTorch has no such module'),
  GaussianNoise: identity('GaussianNoise only acts while training; PyTorch has no such module'),
  ActivityRegularization: identity('ActivityRegularization only adds to the training loss'),
  Activation: activationLayer((ctx) => str(ctx.layer.params, 'activation')),
  ReLU: (ctx) => {
    const max = num(ctx.layer.params, 'maxValue');
    return call(() => (max > 0 ? `nn.Hardtanh(0.0, ${pyNumber(max)})` : 'nn.ReLU()'))(ctx);
  },
  ReLU6: call(() => 'nn.ReLU6()'),
  LeakyReLU: call((ctx) => `nn.LeakyReLU(${pyNumber(num(ctx.layer.params, 'alpha'))})`),
  PReLU: call((ctx) => {
    const input = ctx.inShapes[0] ?? [];
    const shared = ints(ctx.layer.params, 'sharedAxes');
    return `nn.PReLU(${shared.length >= input.length - 1 && !shared.includes(input.length) ? (input[input.length - 1] ?? 1) : 1})`;
  }),
  ELU: call((ctx) => `nn.ELU(alpha=${pyNumber(num(ctx.layer.params, 'alpha'))})`),
  ThresholdedReLU: call((ctx) => `nn.Threshold(${pyNumber(num(ctx.layer.params, 'theta'))}, 0.0)`),
  SELU: call(() => 'nn.SELU()'),
  Softplus: call(() => 'nn.Softplus()'),
  Softsign: call(() => 'nn.Softsign()'),
  Sigmoid: call(() => 'nn.Sigmoid()'),
  Tanh: call(() => 'nn.Tanh()'),
  HardSigmoid: (ctx) => {
    const { alpha, beta } = hardSigmoidParams(ctx.layer.params);
    // PyTorch's own Hardsigmoid is relu6(x + 3) / 6; any other slope is written out.
    if (Math.abs(alpha - 1 / 6) < 1e-6 && Math.abs(beta - 0.5) < 1e-6)
      return call(() => 'nn.Hardsigmoid()')(ctx);
    return {
      modules: [],
      expr: ([x = '']) => `F.hardtanh(${pyNumber(alpha)} * ${x} + ${pyNumber(beta)}, 0.0, 1.0)`,
    };
  },
  Swish: call(() => 'nn.SiLU()'),
  HardSwish: call(() => 'nn.Hardswish()'),
  Softmax: call((ctx) => `nn.Softmax(dim=${torchDim(num(ctx.layer.params, 'axis'), rankIn(ctx))})`),
  BatchNormalization: batchNorm,
  LayerNormalization: layerNorm,
  LRN: call((ctx) => {
    const p = ctx.layer.params;
    const size = 2 * num(p, 'depthRadius') + 1;
    // PyTorch, like Caffe, divides alpha by the window size; TensorFlow does not.
    return `nn.LocalResponseNorm(${size}, alpha=${pyNumber(num(p, 'alpha') * size)}, beta=${pyNumber(num(p, 'beta'))}, k=${pyNumber(num(p, 'bias'))})`;
  }),
  Concatenate: (ctx) => ({
    modules: [],
    expr: (xs) =>
      `torch.cat([${xs.join(', ')}], dim=${torchDim(num(ctx.layer.params, 'axis'), rankIn(ctx))})`,
  }),
  Add: merge((xs) => xs.join(' + ')),
  Subtract: merge((xs) => xs.join(' - ')),
  Multiply: merge((xs) => xs.join(' * ')),
  Average: merge((xs) => `(${xs.join(' + ')}) / ${xs.length}`),
  Maximum: merge((xs) => xs.slice(1).reduce((a, b) => `torch.maximum(${a}, ${b})`, xs[0] ?? '')),
  Reshape: reshape,
  Permute: permute,
  RepeatVector: (ctx) => ({
    modules: [],
    expr: ([x = '']) => `${x}.unsqueeze(1).repeat(1, ${num(ctx.layer.params, 'n')}, 1)`,
  }),
  Embedding: call(
    (ctx) => `nn.Embedding(${num(ctx.layer.params, 'inputDim')}, ${num(ctx.layer.params, 'outputDim')})`,
  ),
  SimpleRNN: recurrent('RNN'),
  GRU: recurrent('GRU'),
  LSTM: recurrent('LSTM'),
  Masking: identity('Masking has no PyTorch module; pack padded sequences instead'),
  SoftmaxCrossEntropy: loss('nn.CrossEntropyLoss()'),
  BinaryCrossEntropy: loss('nn.BCELoss()'),
  MeanSquaredError: loss('nn.MSELoss()'),
  Hinge: loss('nn.HingeEmbeddingLoss()'),
};
