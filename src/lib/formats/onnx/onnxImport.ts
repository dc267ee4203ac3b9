/**
 * ONNX model (.onnx bytes) → spec with weights and class names. The graph's nodes are put
 * in dependency order (a cycle is refused by name), those that feed no output are left
 * out, and each node is converted by its op type (onnxOps.ts) into layers of our registry.
 * NCHW weights become the engine's NHWC layout exactly; the result computes what the file
 * does, or the import stops with a message naming the node, its op type and the opset.
 */
import type { Localized, NetworkSpec } from '../../spec/types';
import {
  PreprocessingMetaError,
  preprocessingFromProps,
  withPreprocessing,
} from '../../preprocess/preprocessingMeta';
import type { Imported } from '../types';
import { decodeModel, defaultOpset, toInt } from './onnxDecode';
import type { GraphProto, NodeProto, ValueInfoProto } from './onnxSchema';
import { OnnxFormatError, quoted } from './onnxError';
import { readTensor } from './onnxTensor';
import { NodeContext, OnnxBuilder, idFromNodeName } from './onnxBuilder';
import { ONNX_OPS } from './onnxOps';
import { labelsFromMetadata } from './onnxLabels';
import type { Act } from './onnxValues';
import { normalisationNote } from './onnxInputNorm';

export interface OnnxImported extends Imported {
  /** The default-domain opset the file imports. */
  opset: number;
  /** Every ONNX activation tensor read, by name, with the layer that computes it. */
  tensors: Map<string, Act>;
}

/** The spec with the preprocessing metadata_props states; a wrong value is refused naming its key. */
function statedIn(props: Parameters<typeof preprocessingFromProps>[0], spec: NetworkSpec): NetworkSpec {
  try {
    const params = preprocessingFromProps(props);
    return params ? withPreprocessing(spec, params, 'metadata_props.preprocessing') : spec;
  } catch (e) {
    if (e instanceof PreprocessingMetaError) throw new OnnxFormatError(e.text, 'metadata_props');
    throw e;
  }
}

function fail(en: string, zh: string, path: string): never {
  throw new OnnxFormatError({ en, zh }, path);
}

/** Nodes in an order where each comes after the nodes it reads from (Kahn's algorithm). */
function orderNodes(graph: GraphProto, known: ReadonlySet<string>): NodeProto[] {
  const producer = new Map<string, number>();
  graph.node.forEach((n, i) =>
    n.output.forEach((o) => {
      if (!o) return;
      if (producer.has(o) || known.has(o))
        fail(
          `tensor ${quoted(o)} is produced twice (node ${quoted(n.name)} and an earlier node or input)`,
          `张量 ${quoted(o)} 被产生了两次（节点 ${quoted(n.name)} 与之前的节点或输入）`,
          `graph.node[${i}]`,
        );
      producer.set(o, i);
    }),
  );
  const waiting = graph.node.map(() => 0);
  const readers = new Map<number, number[]>();
  graph.node.forEach((n, i) => {
    for (const name of new Set(n.input)) {
      if (!name || known.has(name)) continue;
      const from = producer.get(name);
      if (from === undefined)
        fail(
          `node ${quoted(n.name)} (${n.opType}) reads ${quoted(name)}, which no node, initializer or graph input produces`,
          `节点 ${quoted(n.name)}（${n.opType}）读取的 ${quoted(name)} 不由任何节点、初始值或图输入产生`,
          `graph.node[${i}].input`,
        );
      waiting[i] = (waiting[i] ?? 0) + 1;
      // Appended in place: copying the list per reader would be quadratic in a tensor's fan-out.
      const list = readers.get(from);
      if (list) list.push(i);
      else readers.set(from, [i]);
    }
  });
  const ready = waiting.flatMap((w, i) => (w === 0 ? [i] : []));
  const order: NodeProto[] = [];
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k] ?? 0;
    order.push(graph.node[i] as NodeProto);
    for (const r of readers.get(i) ?? []) if ((waiting[r] = (waiting[r] ?? 1) - 1) === 0) ready.push(r);
  }
  const stuck = waiting.findIndex((w) => w > 0);
  if (stuck >= 0) {
    const n = graph.node[stuck];
    fail(
      `node ${quoted(n?.name)} (${n?.opType}) is in a cycle: its inputs depend on its own output`,
      `节点 ${quoted(n?.name)}（${n?.opType}）处于环中：它的输入依赖于它自己的输出`,
      `graph.node[${stuck}]`,
    );
  }
  return order;
}

/** Nodes that feed a graph output, found by walking back from the outputs. */
function liveNodes(graph: GraphProto): Set<NodeProto> {
  const producer = new Map<string, NodeProto>();
  for (const n of graph.node) for (const o of n.output) if (o) producer.set(o, n);
  const live = new Set<NodeProto>();
  const stack = graph.output.map((o) => o.name ?? '');
  while (stack.length > 0) {
    const n = producer.get(stack.pop() ?? '');
    if (!n || live.has(n)) continue;
    live.add(n);
    stack.push(...n.input);
  }
  return live;
}

function addInput(b: OnnxBuilder, info: ValueInfoProto, index: number, readers: readonly NodeProto[]): void {
  const name = info.name ?? '';
  const path = `graph.input[${index}]`;
  const tensor = info.type?.tensorType;
  if (!tensor || (tensor.elemType ?? 1) !== 1)
    fail(
      `graph input ${quoted(name)} is not a float32 tensor`,
      `图输入 ${quoted(name)} 不是 float32 张量`,
      path,
    );
  const dims = (tensor.shape?.dim ?? []).map((d, axis) => {
    const v = toInt(d.dimValue, 0);
    if (axis === 0) return 1;
    if (v < 1)
      fail(
        `graph input ${quoted(name)} has no fixed size for axis ${axis}${d.dimParam ? ` ("${d.dimParam}")` : ''}; CNN Studio needs a fixed size for every axis but the batch`,
        `图输入 ${quoted(name)} 的轴 ${axis}${d.dimParam ? `（“${d.dimParam}”）` : ''} 没有固定大小；除批次外 CNN Studio 需要每个轴都有固定大小`,
        path,
      );
    return v;
  });
  const id = b.uniqueId(idFromNodeName(name, 'Input'));
  let act: Act;
  if (dims.length === 4) {
    // An NHWC input (Keras via tf2onnx) is read through a Transpose to NCHW.
    const nhwc =
      readers.length > 0 &&
      readers.every(
        (n) =>
          n.opType === 'Transpose' &&
          n.attribute.some((a) => a.name === 'perm' && a.ints.map((v) => toInt(v)).join(',') === '0,3,1,2'),
      );
    const [, a = 1, h = 1, c = 1] = dims;
    const ours = nhwc ? [a, h, c] : [h, c, a];
    act = { kind: 'act', layer: id, shape: dims, layout: { kind: 'image', order: nhwc ? 'nhwc' : 'nchw' } };
    b.layers.push({ id, type: 'Input', params: { shape: ours }, inputs: [] });
  } else if (dims.length === 2) {
    act = { kind: 'act', layer: id, shape: dims, layout: { kind: 'vector' } };
    b.layers.push({ id, type: 'Input', params: { shape: [dims[1] ?? 1] }, inputs: [] });
  } else
    return fail(
      `graph input ${quoted(name)} has shape [${dims.join(', ')}]; CNN Studio reads images [N, C, H, W] (or [N, H, W, C]) and vectors [N, F]`,
      `图输入 ${quoted(name)} 的形状为 [${dims.join(', ')}]；CNN Studio 只读取图像 [N, C, H, W]（或 [N, H, W, C]）和向量 [N, F]`,
      path,
    );
  b.registerInput(b.layers[b.layers.length - 1]!);
  b.values.set(name, act);
}

/** Graph names exporters write whatever the model is: the file's name says more. */
const GENERIC_NAMES = new Set([
  '',
  'main_graph',
  'torch-jit-export',
  'torch_jit',
  'tf2onnx',
  'graph',
  'model',
]);

/** `fileName` names the net when the graph's own name is an exporter's default. */
export function parseOnnx(bytes: Uint8Array, fileName = ''): OnnxImported {
  const model = decodeModel(bytes);
  const opset = defaultOpset(model);
  const graph = model.graph as GraphProto;
  const initializers = new Set<string>();
  const constants = new Set<string>();
  for (const n of graph.node) if (n.opType === 'Constant') n.output.forEach((o) => constants.add(o));
  const consumers = new Map<string, NodeProto[]>();
  for (const n of graph.node)
    for (const i of new Set(n.input)) {
      const list = i ? consumers.get(i) : undefined;
      if (list) list.push(n);
      else if (i) consumers.set(i, [n]);
    }
  const outputs = new Set(graph.output.map((o) => o.name ?? ''));
  graph.initializer.forEach((t, i) => {
    const name = t.name ?? '';
    if (initializers.has(name))
      fail(
        `two initializers are named ${quoted(name)}`,
        `有两个初始值都名为 ${quoted(name)}`,
        `graph.initializer[${i}]`,
      );
    initializers.add(name);
    constants.add(name);
  });
  if (graph.sparseInitializer.length > 0)
    fail(
      'the graph has sparse initializers, which CNN Studio does not read',
      '图中有稀疏初始值，CNN Studio 不读取',
      'graph.sparse_initializer',
    );
  const b = new OnnxBuilder(opset, consumers, outputs, constants);
  graph.initializer.forEach((t, i) => {
    const label = `initializer ${quoted(t.name)}`;
    b.values.set(t.name ?? '', { kind: 'const', value: readTensor(t, label, `graph.initializer[${i}]`) });
  });
  const inputs = graph.input.filter((v) => !initializers.has(v.name ?? ''));
  if (inputs.length === 0)
    fail('the graph has no input besides its weights', '图中除了权重之外没有输入', 'graph.input');
  graph.input.forEach((v, i) => {
    if (!initializers.has(v.name ?? '')) addInput(b, v, i, consumers.get(v.name ?? '') ?? []);
  });
  const known = new Set([...initializers, ...graph.input.map((v) => v.name ?? '')]);
  const live = liveNodes(graph);
  const indexOf = new Map(graph.node.map((n, i) => [n, i]));
  let dropped = 0;
  for (const node of orderNodes(graph, known)) {
    if (!live.has(node)) {
      dropped++;
      continue;
    }
    if (b.absorbed.has(node)) continue;
    const index = indexOf.get(node) ?? 0;
    const ctx = new NodeContext(b, node, index);
    if (node.domain && node.domain !== 'ai.onnx')
      ctx.fail(
        `operators of the domain "${node.domain}" are not supported`,
        `不支持域 “${node.domain}” 的算子`,
      );
    if (!ctx.opType) ctx.fail('has no op_type (NodeProto field 4)', '没有 op_type（NodeProto 字段 4）');
    const convert = ONNX_OPS[ctx.opType] ?? ctx.fail('this operator is not supported', '不支持该算子');
    convert(ctx);
    const unread = ctx.attrs.unread();
    if (unread.length > 0)
      ctx.fail(
        `attribute ${unread.map((n) => `"${n}"`).join(', ')} is not supported`,
        `不支持属性 ${unread.map((n) => `“${n}”`).join('、')}`,
      );
  }
  const tensors = new Map<string, Act>();
  const normalised = new Set([...b.inputNorm.values()].flatMap((n) => [...n.partial]));
  for (const [name, v] of b.values) if (v.kind === 'act' && !normalised.has(name)) tensors.set(name, v);
  graph.output.forEach((o, i) => {
    const v = b.values.get(o.name ?? '');
    if (v?.kind !== 'act')
      fail(
        `graph output ${quoted(o.name)} is not computed from the input`,
        `图输出 ${quoted(o.name)} 不是由输入计算得到的`,
        `graph.output[${i}]`,
      );
  });
  const notes: Localized[] = [
    {
      en: `Read from ONNX (opset ${opset}${model.producerName ? `, made by ${model.producerName} ${model.producerVersion ?? ''}`.trimEnd() : ''}); the batch axis is left out and maps are channels-last, with the weights reordered to match.`,
      zh: `读取自 ONNX（opset ${opset}${model.producerName ? `，由 ${model.producerName} ${model.producerVersion ?? ''} 生成`.trimEnd() : ''}）；省略了批次轴，特征图为通道在后，权重已相应重排。`,
    },
  ];
  if (dropped > 0)
    notes.push({
      en: `Left out ${dropped} node(s) that feed no output.`,
      zh: `省略了 ${dropped} 个不影响输出的节点。`,
    });
  const classes = labelsFromMetadata(model.metadataProps);
  if (classes) {
    const shown = `${classes.slice(0, 3).join(', ')}${classes.length > 3 ? ', …' : ''}`;
    notes.push({
      en: `${classes.length} class names from the file's metadata_props: ${shown}.`,
      zh: `来自文件 metadata_props 的 ${classes.length} 个类别名称：${shown}。`,
    });
  }
  let spec: NetworkSpec = { name: specName(graph.name ?? '', fileName), layers: b.layers };
  for (const norm of b.inputNorm.values()) {
    spec = withPreprocessing(spec, { mean: norm.mean, std: norm.std }, 'graph');
    notes.push(normalisationNote(norm));
  }
  return {
    spec: statedIn(model.metadataProps, spec),
    weights: b.weights,
    notes,
    layerPos: new Map(),
    opset,
    tensors,
    // Through lib/labels like every model's own names: the pane checks the count against the outputs.
    ...(classes ? { classes, labels: { names: classes, source: 'metadata_props' } } : {}),
  };
}

function specName(graphName: string, fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.onnx$/i, '');
  return GENERIC_NAMES.has(graphName) && base ? base : graphName || 'onnx_model';
}
