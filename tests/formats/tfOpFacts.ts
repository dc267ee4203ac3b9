/**
 * Facts from TensorFlow's op definitions (op_def registrations) for the ops our GraphDef
 * exporter writes: which attrs each op has and which have no default, and the rule for
 * node names. A GraphDef that breaks one of these is refused by tf.import_graph_def.
 */
import { readGraphDef } from '../../src/lib/formats/tensorflow/graphDef';

/** Attrs of the ops the exporter writes, from TensorFlow's op definitions: [allowed, required]. */
export const OPS: Record<string, [string[], string[]]> = {
  Placeholder: [['dtype', 'shape'], ['dtype']],
  VariableV2: [
    ['shape', 'dtype', 'container', 'shared_name'],
    ['shape', 'dtype'],
  ],
  Const: [
    ['value', 'dtype'],
    ['value', 'dtype'],
  ],
  Identity: [['T'], ['T']],
  Assign: [['T', 'validate_shape', 'use_locking'], ['T']],
  RandomUniform: [
    ['seed', 'seed2', 'dtype', 'T'],
    ['dtype', 'T'],
  ],
  Add: [['T'], ['T']],
  Sub: [['T'], ['T']],
  Mul: [['T'], ['T']],
  Maximum: [['T'], ['T']],
  AddN: [
    ['N', 'T'],
    ['N', 'T'],
  ],
  Rsqrt: [['T'], ['T']],
  Neg: [['T'], ['T']],
  Relu: [['T'], ['T']],
  Relu6: [['T'], ['T']],
  Elu: [['T'], ['T']],
  Selu: [['T'], ['T']],
  Sigmoid: [['T'], ['T']],
  Tanh: [['T'], ['T']],
  Softplus: [['T'], ['T']],
  Softsign: [['T'], ['T']],
  Softmax: [['T'], ['T']],
  LeakyRelu: [['alpha', 'T'], []],
  Conv2D: [
    ['T', 'strides', 'use_cudnn_on_gpu', 'padding', 'explicit_paddings', 'data_format', 'dilations'],
    ['T', 'strides', 'padding'],
  ],
  DepthwiseConv2dNative: [
    ['T', 'strides', 'padding', 'explicit_paddings', 'data_format', 'dilations'],
    ['T', 'strides', 'padding'],
  ],
  Conv3D: [
    ['T', 'strides', 'padding', 'data_format', 'dilations'],
    ['T', 'strides', 'padding'],
  ],
  BiasAdd: [['T', 'data_format'], ['T']],
  MatMul: [['transpose_a', 'transpose_b', 'T'], ['T']],
  MaxPool: [
    ['T', 'ksize', 'strides', 'padding', 'explicit_paddings', 'data_format'],
    ['ksize', 'strides', 'padding'],
  ],
  AvgPool: [
    ['ksize', 'strides', 'padding', 'data_format', 'T'],
    ['ksize', 'strides', 'padding', 'T'],
  ],
  MaxPool3D: [
    ['ksize', 'strides', 'padding', 'data_format', 'T'],
    ['ksize', 'strides', 'padding', 'T'],
  ],
  AvgPool3D: [
    ['ksize', 'strides', 'padding', 'data_format', 'T'],
    ['ksize', 'strides', 'padding', 'T'],
  ],
  Mean: [['keep_dims', 'T', 'Tidx'], ['T']],
  Max: [['keep_dims', 'T', 'Tidx'], ['T']],
  Reshape: [['T', 'Tshape'], ['T']],
  Squeeze: [['T', 'squeeze_dims'], ['T']],
  Pad: [['T', 'Tpaddings'], ['T']],
  ConcatV2: [
    ['N', 'T', 'Tidx'],
    ['N', 'T'],
  ],
  Split: [
    ['num_split', 'T'],
    ['num_split', 'T'],
  ],
  LRN: [['depth_radius', 'bias', 'alpha', 'beta', 'T'], []],
  FusedBatchNormV3: [
    ['T', 'U', 'epsilon', 'exponential_avg_factor', 'data_format', 'is_training'],
    ['T', 'U'],
  ],
  Shape: [['T', 'out_type'], ['T']],
  GreaterEqual: [['T'], ['T']],
  Cast: [
    ['SrcT', 'DstT', 'Truncate'],
    ['SrcT', 'DstT'],
  ],
};

/** TensorFlow's rule for node names (graph_constructor.cc). */
export const VALID_NAME = /^[A-Za-z0-9.][A-Za-z0-9_.\-/]*$/;

/** Problems a TensorFlow import of the text would find: unknown ops or attrs, bad names, dangling inputs. */
export function tensorflowProblems(text: string): string[] {
  const nodes = readGraphDef(text).nodes;
  const names = new Set(nodes.map((n) => n.name));
  const problems: string[] = [];
  for (const n of nodes) {
    const spec = OPS[n.op];
    if (!spec) problems.push(`${n.name}: op ${n.op}`);
    if (!VALID_NAME.test(n.name)) problems.push(`name ${JSON.stringify(n.name)}`);
    const keys = [...n.attrs.keys()];
    for (const k of keys)
      if (!k.startsWith('_') && !spec?.[0].includes(k)) problems.push(`${n.name}: attr ${k}`);
    for (const k of spec?.[1] ?? []) if (!keys.includes(k)) problems.push(`${n.name}: no ${k}`);
    for (const input of n.inputs)
      if (!names.has(input.replace(/^\^/, '').replace(/:\d+$/, '')))
        problems.push(`${n.name}: input ${input}`);
  }
  return problems;
}
