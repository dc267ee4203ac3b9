/**
 * What each node of a GraphDef is to the network: `data` (values that flow from an input
 * image, which become layers), `meta` (integer or boolean values computed from them, as
 * flatten's Shape → StridedSlice → Pack), `param` (variables, constants and what is made of
 * them alone: initialisers, savers, dropout's random mask), `loss` (anything that reads a
 * label placeholder: loss, accuracy, gradients, optimiser updates) and `tail` (ops after
 * the network's output that have no layer, such as ArgMax over the predictions).
 */
import type { Localized } from '../../spec/types';
import { baseType, FLOAT_TYPES } from './dataTypes';
import { TfFormatError, type TfNode } from './graphDef';
import type { TfGraph } from './tfGraph';

export type NodeRole = 'data' | 'meta' | 'param' | 'loss' | 'tail';

export interface Roles {
  inputs: TfNode[];
  role(name: string): NodeRole;
  notes: Localized[];
}

/** Ops that change a variable: training-time updates, never part of the network's output. */
const UPDATE_OPS = /^(Assign|ResourceApply|Apply|ScatterUpdate|ResourceScatter|ScatterAdd)/;

const PLACEHOLDERS = new Set(['Placeholder', 'PlaceholderV2', 'PlaceholderWithDefault']);

/** Ops whose output is an integer or a boolean whatever their `T`. */
const META_OPS = new Set([
  'Shape',
  'ShapeN',
  'Size',
  'Rank',
  'ArgMax',
  'ArgMin',
  'Equal',
  'NotEqual',
  'Greater',
  'GreaterEqual',
  'Less',
  'LessEqual',
  'LogicalAnd',
  'LogicalOr',
  'LogicalNot',
  'IsFinite',
  'IsNan',
  'InTopK',
  'InTopKV2',
]);

/** The type of a node's first output as its attrs say, or null when they do not. */
export function outputType(n: TfNode): string | null {
  for (const key of ['out_type', 'output_type', 'DstT', 'dtype', 'T']) {
    const a = n.attrs.get(key)?.value;
    if (a?.kind === 'type') return baseType(a.value);
  }
  return null;
}

function placeholderRank(n: TfNode): number | null {
  const shape = n.attrs.get('shape')?.value;
  if (shape?.kind === 'shape') return shape.value.dims?.length ?? null;
  const out = n.attrs.get('_output_shapes')?.value;
  if (out?.kind === 'list') return out.value.shape[0]?.dims?.length ?? null;
  return null;
}

function isFloatPlaceholder(n: TfNode): boolean {
  const t = outputType(n);
  return t === null || FLOAT_TYPES.has(t);
}

/**
 * @param isLayerOp ops that start a layer (Conv2D, MatMul, …): a placeholder that reaches
 *   one on its own is an input; one that only meets the network in a loss is a label.
 * @param hasConverter ops the importer can turn into (part of) a layer.
 */
export function assignRoles(
  graph: TfGraph,
  isLayerOp: (op: string) => boolean,
  hasConverter: (op: string) => boolean,
): Roles {
  // Every placeholder but scalars (keep_prob, is_training), which are settings of the network.
  const candidates = graph.nodes.filter((n) => PLACEHOLDERS.has(n.op) && placeholderRank(n) !== 0);
  const index = new Map(candidates.map((n, k) => [n.name, k]));
  // Which placeholders each node depends on.
  const deps = new Map<string, Set<number>>();
  for (const n of graph.order) {
    const own = index.get(n.name);
    const set = new Set<number>(own === undefined ? [] : [own]);
    for (const r of graph.inputs(n)) for (const d of deps.get(r.node) ?? []) set.add(d);
    deps.set(n.name, set);
  }
  const feedsLayer = new Set<number>();
  for (const n of graph.order) {
    const d = deps.get(n.name);
    const only = d?.size === 1 ? [...d][0] : undefined;
    if (only !== undefined && isLayerOp(n.op) && isFloatPlaceholder(candidates[only] as TfNode))
      feedsLayer.add(only);
  }
  const floats = candidates.flatMap((n, k) => (isFloatPlaceholder(n) ? [k] : []));
  const inputIdx = feedsLayer.size > 0 ? feedsLayer : new Set(floats);
  const inputs = candidates.filter((_, k) => inputIdx.has(k));
  if (inputs.length === 0)
    throw new TfFormatError(
      'the graph has no Placeholder to feed images into; the input must be a float Placeholder with a shape, such as [-1, 28, 28, 1]',
      '图中没有可以输入图像的 Placeholder；输入必须是带形状的浮点 Placeholder，例如 [-1, 28, 28, 1]',
      graph.nodes[0]?.pos ?? { line: 1, column: 1 },
    );
  const labels = candidates.filter((_, k) => !inputIdx.has(k)).map((n) => n.name);

  const roles = new Map<string, NodeRole>();
  let lossCount = 0;
  for (const n of graph.order) {
    const d = deps.get(n.name) ?? new Set();
    let role: NodeRole;
    if ([...d].some((k) => !inputIdx.has(k))) {
      role = 'loss';
      lossCount++;
    } else if (inputIdx.has(index.get(n.name) ?? -1)) role = 'data';
    else {
      const ins = graph.inputs(n).map((r) => roles.get(r.node));
      const type = outputType(n);
      const intOut = META_OPS.has(n.op) || (type !== null && !FLOAT_TYPES.has(type));
      if (ins.includes('data')) role = intOut ? 'meta' : 'data';
      else role = ins.includes('meta') && intOut ? 'meta' : 'param';
    }
    roles.set(n.name, role);
  }

  // Updates of variables (moving averages kept while training) and what only feeds them.
  const updates = new Set<string>();
  for (let k = graph.order.length - 1; k >= 0; k--) {
    const n = graph.order[k] as TfNode;
    if (roles.get(n.name) !== 'data') continue;
    const users = graph
      .consumers(n.name)
      .filter((c) => roles.get(c.node.name) === 'data' || updates.has(c.node.name));
    // A node whose first output goes nowhere is an output of the network (batch norm's y), even if
    // its other outputs (batch mean and variance) feed updates.
    const feedsOnlyUpdates =
      graph.consumers(n.name, 0).length > 0 &&
      users.length > 0 &&
      users.every((c) => updates.has(c.node.name));
    if (UPDATE_OPS.test(n.op) || feedsOnlyUpdates) {
      updates.add(n.name);
      roles.set(n.name, 'tail');
    }
  }
  // Data ops with no layer whose values go nowhere but into other such ops: post-processing.
  const tail: TfNode[] = [];
  for (let k = graph.order.length - 1; k >= 0; k--) {
    const n = graph.order[k] as TfNode;
    if (roles.get(n.name) !== 'data' || hasConverter(n.op)) continue;
    const used = graph.consumers(n.name).some((c) => roles.get(c.node.name) === 'data');
    if (!used) {
      roles.set(n.name, 'tail');
      tail.push(n);
    }
  }

  const notes: Localized[] = [];
  if (labels.length > 0)
    notes.push({
      en: `Left out ${lossCount} nodes that read the label placeholder ${labels.map((l) => `"${l}"`).join(', ')} (loss, accuracy, training).`,
      zh: `省略了读取标签占位符 ${labels.map((l) => `“${l}”`).join('、')} 的 ${lossCount} 个节点（损失、准确率、训练）。`,
    });
  if (tail.length > 0) {
    const shown = tail
      .slice(-3)
      .reverse()
      .map((n) => `${n.name} (${n.op})`)
      .join(', ');
    notes.push({
      en: `Left out ${tail.length} nodes after the network's output that have no layer: ${shown}${tail.length > 3 ? ', …' : ''}.`,
      zh: `省略了网络输出之后没有对应层的 ${tail.length} 个节点：${shown}${tail.length > 3 ? '、…' : ''}。`,
    });
  }
  return { inputs, role: (name) => roles.get(name) ?? 'param', notes };
}
