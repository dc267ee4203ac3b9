/**
 * Converters for the ops that start a layer with weights: Placeholder (the input),
 * Conv2D (also grouped: one op whose filter sees a share of the channels, or Split →
 * Conv2D per part → ConcatV2 as Caffe-to-TensorFlow ports write AlexNet), DepthwiseConv2dNative,
 * Conv3D and MatMul, and the BiasAdd that gives them their bias.
 */
import type { LayerParams } from '../../spec/types';
import type { Converter, OpContext, Pending } from './tfBuild';
import type { Source } from './tfValues';
import { paddedInput, requireChannelsLast, spatial } from './tfWindow';

export const placeholder: Converter = (ctx) => {
  const attr = ctx.attr('shape');
  const listed = ctx.attr('_output_shapes');
  const dims =
    attr?.kind === 'shape'
      ? attr.value.dims
      : listed?.kind === 'list'
        ? (listed.value.shape[0]?.dims ?? null)
        : null;
  if (!dims || dims.length < 2 || dims.slice(1).some((d) => d < 1))
    ctx.fail(
      `the input needs a fixed size, such as shape [-1, 28, 28, 1] (batch first); it has ${dims ? `[${dims.join(', ')}]` : 'no shape'}`,
      `输入需要固定的大小，例如 shape [-1, 28, 28, 1]（批次在前）；它的形状是 ${dims ? `[${dims.join(', ')}]` : '未知'}`,
    );
  ctx.add('Input', { shape: (dims ?? []).slice(1) }, []);
};

/** The kernel's shape, checked to have `rank` axes. */
function kernelOf(ctx: OpContext, rank: number, role = 'filter'): Source {
  const k = ctx.source(1, role);
  if (k.shape.length !== rank)
    ctx.fail(
      `its ${role} "${k.node.name}" has shape ${k.shape.join('×')}; a ${rank}-axis kernel is needed`,
      `它的 ${role} “${k.node.name}” 形状为 ${k.shape.join('×')}；需要 ${rank} 维的卷积核`,
    );
  return k;
}

/** A 2-D convolution's params from this node's attrs and its kernel [kh, kw, in, out]. */
function conv2dParams(ctx: OpContext, kernel: number[], padding: string): LayerParams {
  const [kh = 1, kw = 1, , out = 1] = kernel;
  return {
    filters: out,
    kernelSize: [kh, kw],
    strides: spatial(ctx, 'strides', 2),
    padding,
    dilation: spatial(ctx, 'dilations', 2, 1),
    activation: 'linear',
    useBias: false,
  };
}

export const conv2d: Converter = (ctx) => {
  requireChannelsLast(ctx, 2);
  const part = ctx.pending(0);
  if (part?.kind === 'split') {
    const kernel = groupKernel(ctx, part);
    ctx.pend({ ...part, kind: 'group', kernel, node: ctx.node, split: part.node });
    return;
  }
  const x = ctx.data(0);
  const kernel = kernelOf(ctx, 4);
  const { src, padding } = paddedInput(ctx, x, 2);
  const channels = ctx.shapeOf(src)[2] ?? 0;
  const perGroup = kernel.shape[2] ?? 0;
  const params = conv2dParams(ctx, kernel.shape, padding);
  if (perGroup === channels) ctx.add('Conv2D', params, [src], { kernel });
  else if (perGroup > 0 && channels % perGroup === 0)
    ctx.add('GroupedConv2D', { ...params, groups: channels / perGroup }, [src], { kernel });
  else
    ctx.fail(
      `its filter "${kernel.node.name}" is for ${perGroup} input channels, but the input has ${channels}`,
      `它的卷积核 “${kernel.node.name}” 对应 ${perGroup} 个输入通道，但输入有 ${channels} 个`,
    );
};

/** A group's kernel: the part of one split variable (`tf.split(kernel)`), or a variable of its own. */
function groupKernel(ctx: OpContext, part: Extract<Pending, { kind: 'split' }>): Source {
  const from = ctx.through(1);
  if (from.op !== 'Split') return kernelOf(ctx, 4);
  const whole = ctx.other(from).source(1, 'filter');
  if (whole.shape[3] !== undefined && whole.shape[3] % part.count !== 0)
    ctx.fail(
      `the filter "${whole.node.name}" (${whole.shape.join('×')}) does not split into ${part.count} groups`,
      `卷积核 “${whole.node.name}”（${whole.shape.join('×')}）不能分成 ${part.count} 组`,
    );
  return whole;
}

/** Split along the channels: the input of a grouped convolution (split_dim comes first). */
export const split: Converter = (ctx) => {
  const x = ctx.data(1);
  const rank = ctx.shapeOf(x).length;
  const axis = ctx.value(0).values[0];
  const count = ctx.num('num_split', 0);
  if (axis !== rank && axis !== -1)
    ctx.fail(
      `splits along axis ${String(axis)}; only a split of the channels (axis ${rank} or -1) is read, as a grouped convolution`,
      `沿轴 ${String(axis)} 拆分；只读取沿通道（轴 ${rank} 或 -1）的拆分，作为分组卷积`,
    );
  for (let index = 0; index < count; index++)
    ctx.pend({ kind: 'split', x, index, count, node: ctx.node }, index);
};

/** ConcatV2 of the group convolutions of one Split, in order: one GroupedConv2D. */
export function joinGroups(ctx: OpContext, parts: Pending[]): boolean {
  const groups = parts.filter((p): p is Extract<Pending, { kind: 'group' }> => p.kind === 'group');
  const first = groups[0];
  if (!first || groups.length !== parts.length) return false;
  const inOrder = groups.every(
    (g, k) => g.index === k && g.split === first.split && g.count === groups.length,
  );
  if (!inOrder)
    ctx.fail(
      'joins convolutions of a Split that are not all its parts in order, so they are not one grouped convolution',
      '拼接的卷积不是同一个 Split 按顺序的全部部分，因此不构成一个分组卷积',
    );
  const shared = groups.every((g) => g.kernel.node === first.kernel.node);
  const kernel = shared
    ? first.kernel
    : joinedKernel(
        ctx,
        groups.map((g) => g.kernel),
      );
  const conv = ctx.other(first.node);
  requireChannelsLast(conv, 2);
  const { src, padding } = paddedInput(conv, first.x, 2);
  const params = { ...conv2dParams(conv, kernel.shape, padding), groups: groups.length };
  ctx.add('GroupedConv2D', params, [src], { kernel });
  return true;
}

/**
 * One kernel per group ([kh, kw, in/g, out/g] each) as the single kernel GroupedConv2D
 * keeps: joined along the output channels, group after group.
 */
function joinedKernel(ctx: OpContext, parts: Source[]): Source {
  const [first] = parts;
  const shape = first?.shape ?? [];
  if (!first || parts.some((p) => p.shape.join('×') !== shape.join('×')))
    ctx.fail(
      `the groups' filters differ in shape (${parts.map((p) => p.shape.join('×')).join(', ')})`,
      `各组卷积核的形状不同（${parts.map((p) => p.shape.join('×')).join('、')}）`,
    );
  const out = shape[3] ?? 0;
  const positions = (shape[0] ?? 0) * (shape[1] ?? 0) * (shape[2] ?? 0);
  return {
    node: first?.node ?? ctx.node,
    kind: parts.every((p) => p.kind === 'constant') ? 'constant' : 'variable',
    shape: [...shape.slice(0, 3), out * parts.length],
    parts: parts.map((p) => p.node),
    values: () => {
      const all = parts.map((p) => p.values());
      if (all.some((v) => !v)) return null;
      const joined = new Float32Array(positions * out * parts.length);
      for (let at = 0; at < positions; at++)
        all.forEach((v, g) =>
          joined.set((v as Float32Array).subarray(at * out, (at + 1) * out), (at * parts.length + g) * out),
        );
      return joined;
    },
  };
}

export const depthwiseConv2d: Converter = (ctx) => {
  requireChannelsLast(ctx, 2);
  const x = ctx.data(0);
  const kernel = kernelOf(ctx, 4);
  const [kh = 1, kw = 1, , multiplier = 1] = kernel.shape;
  if (spatial(ctx, 'dilations', 2, 1).some((d) => d !== 1))
    ctx.fail(
      'a dilated depthwise convolution has no tfjs layer (DepthwiseConv2D ignores dilation)',
      '带膨胀的深度卷积没有对应的 tfjs 层（DepthwiseConv2D 不支持膨胀）',
    );
  const { src, padding } = paddedInput(ctx, x, 2);
  const params = {
    kernelSize: [kh, kw],
    strides: spatial(ctx, 'strides', 2),
    padding,
    depthMultiplier: multiplier,
    activation: 'linear',
    useBias: false,
  };
  ctx.add('DepthwiseConv2D', params, [src], { depthwise_kernel: kernel });
};

export const conv3d: Converter = (ctx) => {
  requireChannelsLast(ctx, 3);
  const x = ctx.data(0);
  const kernel = kernelOf(ctx, 5);
  const { src, padding } = paddedInput(ctx, x, 3);
  const params = {
    filters: kernel.shape[4] ?? 1,
    kernelSize: kernel.shape.slice(0, 3),
    strides: spatial(ctx, 'strides', 3),
    padding,
    dilation: spatial(ctx, 'dilations', 3, 1),
    activation: 'linear',
    useBias: false,
  };
  ctx.add('Conv3D', params, [src], { kernel });
};

/** A [out, in] matrix read as the [in, out] kernel Dense keeps (MatMul with transpose_b). */
function transposed(s: Source): Source {
  const [rows = 0, cols = 0] = s.shape;
  return {
    ...s,
    shape: [cols, rows],
    values: () => {
      const v = s.values();
      if (!v) return null;
      const out = new Float32Array(v.length);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = v[r * cols + c] ?? 0;
      return out;
    },
  };
}

export const matMul: Converter = (ctx) => {
  const x = ctx.data(0);
  if (ctx.flag('transpose_a', false))
    ctx.fail('transpose_a is not read: the batch must come first', '不读取 transpose_a：批次必须在前');
  const raw = ctx.source(1, 'weights');
  if (raw.shape.length !== 2)
    ctx.fail(
      `its weights have shape ${raw.shape.join('×')}; a matrix is needed`,
      `它的权重形状为 ${raw.shape.join('×')}；需要一个矩阵`,
    );
  const kernel = ctx.flag('transpose_b', false) ? transposed(raw) : raw;
  const features = ctx.shapeOf(x);
  if (features.length !== 1 || features[0] !== kernel.shape[0])
    ctx.fail(
      `multiplies a ${features.join('×')} input by ${kernel.shape.join('×')} weights; the input must be a vector of ${kernel.shape[0] ?? 0} (flatten it first)`,
      `把 ${features.join('×')} 的输入乘以 ${kernel.shape.join('×')} 的权重；输入必须是长度为 ${kernel.shape[0] ?? 0} 的向量（请先展平）`,
    );
  ctx.add('Dense', { units: kernel.shape[1] ?? 1, activation: 'linear', useBias: false }, [x], { kernel });
};

const TAKES_BIAS = new Set(['Conv2D', 'GroupedConv2D', 'DepthwiseConv2D', 'Conv3D', 'Dense']);

/**
 * A bias added to a convolution or dense layer that has none yet (BiasAdd, or Add as
 * `tf.matmul(x, W) + b` writes it): folded into that layer. `k` is the data input.
 */
export function foldBias(ctx: OpContext, k: number): boolean {
  const layer = ctx.foldable(k);
  const spec = layer?.spec;
  if (
    !layer ||
    !spec ||
    !TAKES_BIAS.has(spec.type) ||
    spec.params.useBias !== false ||
    spec.params.activation !== 'linear'
  )
    return false;
  layer.claims.set('bias', ctx.source(1 - k, 'bias'));
  spec.params.useBias = true;
  ctx.fold(layer);
  return true;
}

export const biasAdd: Converter = (ctx) => {
  requireChannelsLast(ctx, 2);
  if (!foldBias(ctx, 0))
    ctx.fail(
      `adds a bias to "${ctx.ref(0).node}", which is not a convolution or dense layer without a bias of its own`,
      `给 “${ctx.ref(0).node}” 加偏置，而它不是一个尚无偏置的卷积层或全连接层`,
    );
};
